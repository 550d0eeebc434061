import { BadRequestException, NotFoundException } from '@nestjs/common';
import { AuthException, AuthExceptionCode } from '../../modules/auth/auth.exception';
import { BillingException, BillingExceptionCode } from '../../modules/billing/billing.exception';
import { MessagingException, MessagingExceptionCode } from '../../modules/messaging/messaging.exception';
import { AccessException, AccessExceptionCode } from '../../modules/practice/access.exception';
import { VisitException, VisitExceptionCode } from '../../modules/visits/visit.exception';
import { toErrorResponse } from './error-mapping';

describe('toErrorResponse (unit)', () => {
  it('keeps the code and status and renders the message in the language, French by default', () => {
    const error = new VisitException(VisitExceptionCode.JOIN_LINK_EXPIRED);
    expect(toErrorResponse(error)).toEqual({ status: 410, body: { code: 'JOIN_LINK_EXPIRED', message: 'Ce lien a expiré. Demandez-en un nouveau au cabinet.' } });
    expect(toErrorResponse(error, 'en').body.message).toBe('This link has expired. Ask the practice for a new one.');
    expect(toErrorResponse(new AuthException(AuthExceptionCode.FORBIDDEN_ROLE), 'en')).toEqual({ status: 403, body: { code: 'FORBIDDEN_ROLE', message: 'Your role does not allow this action.' } });
  });

  it('has a French and an English message for every code of every domain exception', () => {
    for (const [Exception, codes] of [
      [AuthException, Object.values(AuthExceptionCode)],
      [VisitException, Object.values(VisitExceptionCode)],
      [BillingException, Object.values(BillingExceptionCode)],
      [AccessException, Object.values(AccessExceptionCode)],
      [MessagingException, Object.values(MessagingExceptionCode)],
    ] as const) {
      for (const code of codes) {
        const error = new (Exception as new (code: string) => Error & { message: string })(code);
        const fr = toErrorResponse(error, 'fr').body.message;
        const en = toErrorResponse(error, 'en').body.message;
        expect(en).toBe(error.message); // the English catalogue says what the exception says
        expect(fr).not.toBe(en);
        expect(fr.length).toBeGreaterThan(5);
      }
    }
  });

  it("translates Nest's HTTP errors by their code and keeps validation details", () => {
    expect(toErrorResponse(new NotFoundException(), 'fr').body).toEqual({ code: 'NOT_FOUND', message: 'Introuvable.' });
    const validation = toErrorResponse(new BadRequestException({ message: ['email must be an email'] }), 'en');
    expect(validation.body).toEqual({ code: 'VALIDATION_FAILED', message: 'Some of the information sent is not valid. email must be an email' });
    expect(toErrorResponse(new Error('boom'), 'en')).toEqual({ status: 500, body: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } });
  });
});
