import { AuditChainHeadEntity } from '../modules/audit/audit-chain-head.entity';
import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { UserEntity } from '../modules/auth/user.entity';
import { BillingBatchEntity } from '../modules/billing/billing-batch.entity';
import { BillingLineEntity } from '../modules/billing/billing-line.entity';
import { BillingProfileEntity } from '../modules/billing/billing-profile.entity';
import { ConsentEntity } from '../modules/consent/consent.entity';
import { ConsentTextEntity } from '../modules/consent/consent-text.entity';
import { OutboxMessageEntity } from '../modules/messaging/outbox-message.entity';
import { VisitMessagingEntity } from '../modules/messaging/visit-messaging.entity';
import { PatientDistinctPairEntity } from '../modules/patients/patient-distinct-pair.entity';
import { PatientEntity } from '../modules/patients/patient.entity';
import { PracticeKeyEntity } from '../modules/keys/practice-key.entity';
import { PracticeEntity } from '../modules/practice/practice.entity';
import { AssistantLinkEntity } from '../modules/staff/assistant-link.entity';
import { PasswordTokenEntity } from '../modules/staff/password-token.entity';
import { ReadinessCheckEntity } from '../modules/readiness/readiness-check.entity';
import { VisitEntity } from '../modules/visits/visit.entity';
import { VisitEventEntity } from '../modules/history/visit-event.entity';
import { VisitNoteEntity } from '../modules/notes/visit-note.entity';
import { AbsenceEntity } from '../modules/scheduling/absence.entity';
import { DoctorAvailabilityEntity } from '../modules/scheduling/doctor-availability.entity';
import { VisitBookingEntity } from '../modules/scheduling/visit-booking.entity';
import { VisitTypeEntity } from '../modules/scheduling/visit-type.entity';
import { ReportDeliveryEntity } from '../modules/reports/report-delivery.entity';
import { VisitReportEntity } from '../modules/reports/visit-report.entity';

export const ENTITIES = [
  PracticeEntity, PracticeKeyEntity, AssistantLinkEntity, PasswordTokenEntity, PatientDistinctPairEntity, UserEntity, SessionEntity, PatientEntity, VisitEntity, ConsentTextEntity, ConsentEntity, AuditEventEntity, AuditChainHeadEntity, BillingProfileEntity, BillingBatchEntity, BillingLineEntity, OutboxMessageEntity, VisitMessagingEntity, ReadinessCheckEntity, VisitNoteEntity, VisitEventEntity,
  DoctorAvailabilityEntity, VisitTypeEntity, AbsenceEntity, VisitBookingEntity, VisitReportEntity, ReportDeliveryEntity];
