import { Type } from 'class-transformer';
import { IsEmail, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import type { CreateVisitRequest, PatientInput } from '@visite/contracts';
import { IsIsoDate } from '../../common/validation/is-iso-date';

export class PatientDto implements PatientInput {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName: string;

  @IsIsoDate()
  birthDate: string;

  @ValidateIf((p: PatientDto) => !p.email || p.phone !== undefined)
  @IsString({ message: 'give a phone number or an e-mail address for the link' })
  @Matches(/^\+?[0-9][0-9 .()-]{5,18}$/, { message: 'phone must be a phone number such as +33612345678' })
  phone?: string;

  @ValidateIf((p: PatientDto) => !p.phone || p.email !== undefined)
  @IsEmail({}, { message: 'email must be an e-mail address (give a phone number or an e-mail address for the link)' })
  @MaxLength(254)
  email?: string;
}

export class CreateVisitDto implements CreateVisitRequest {
  @ValidateNested()
  @Type(() => PatientDto)
  @IsNotEmpty({ message: 'patient is required' })
  patient: PatientDto;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'scheduledAt must be an ISO 8601 date-time' })
  scheduledAt?: string;
}

export class QueueMessageDto {
  @IsString()
  @MaxLength(280)
  message: string;
}
