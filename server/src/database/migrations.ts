import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema';
import { Billing1763900000000 } from './migrations/1763900000000-billing';
import { Practices1764100000000 } from './migrations/1764100000000-practices';
import { PatientDirectory1764100100000 } from './migrations/1764100100000-patient-directory';
import { MessagingOutbox1764200000000 } from './migrations/1764200000000-messaging-outbox';
import { AuditChain1764400000000 } from './migrations/1764400000000-audit-chain';
import { Scheduling1764600000000 } from './migrations/1764600000000-scheduling';
import { VisitEvents1764700000000 } from './migrations/1764700000000-visit-events';
import { ConsentRecords1764800000000 } from './migrations/1764800000000-consent-records';
import { ReadinessChecks1764900000000 } from './migrations/1764900000000-readiness-checks';
import { VisitNotes1765200000000 } from './migrations/1765200000000-visit-notes';
import { StaffMessages1765300000000 } from './migrations/1765300000000-staff-messages';
import { VisitReports1765400000000 } from './migrations/1765400000000-visit-reports';

/** Every migration, in order. Committed, reversible; the schema is never synchronised. */
export const MIGRATIONS = [InitialSchema1763800000000, Billing1763900000000, Practices1764100000000, PatientDirectory1764100100000, MessagingOutbox1764200000000, AuditChain1764400000000, Scheduling1764600000000, VisitEvents1764700000000, ConsentRecords1764800000000, ReadinessChecks1764900000000, VisitNotes1765200000000, StaffMessages1765300000000, VisitReports1765400000000];
