import { readinessRoutes, type ReadinessReport, type ReadinessSummary } from '@visite/contracts';
import { callApi } from '../../shared/api/api-client';

export const readinessApi = {
  checkAccess: (token: string) => callApi(readinessRoutes.checkAccess, { params: { token } }),
  latest: (token: string) => callApi(readinessRoutes.latest, { params: { token } }),
};

/**
 * Where the check's results go. Today the readiness route (the practice sees it); the join funnel
 * (issue 8, item 9) can take the same reports through this one interface.
 */
export interface CheckReporter {
  report(token: string, report: ReadinessReport): Promise<ReadinessSummary>;
}

export const serverCheckReporter: CheckReporter = {
  report: (token, body) => callApi(readinessRoutes.report, { params: { token }, body }),
};
