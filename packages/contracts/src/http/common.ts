/**
 * Names some schemas use for the shared field definitions of `../input/primitives` (one definition
 * each: what a date, an id or a piece of text is).
 */
import { email, isIsoDate, isoDate, isoDateTime, phone, text, uuid } from '../input/primitives';

export const plainText = text;
export const uuidSchema = uuid();
export const emailSchema = email();
export const phoneSchema = phone();
export const isRealIsoDate = isIsoDate;
export const isoDateSchema = isoDate();
export const isoDateTimeSchema = isoDateTime();
