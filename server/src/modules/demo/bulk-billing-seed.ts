import type { DataSource } from 'typeorm';

/**
 * Copies one real billed line (and its visit) `count` times, in SQL: for load tests, the export
 * benchmark and the concurrent-export test, where going through the visit flow for every line would
 * take hours. Each copy gets its own completed visit (one open line per visit) and keeps the template's
 * input, rule results and state (an exported template gives ready copies: copies are in no batch). Inserts in chunks so a million lines do not make one huge statement.
 */
export async function copyBillingLine(dataSource: DataSource, templateLineId: string, count: number, options: { chunk?: number } = {}): Promise<void> {
  const chunk = options.chunk ?? 50_000;
  for (let done = 0; done < count; done += chunk) {
    const n = Math.min(chunk, count - done);
    await dataSource.query(
      `WITH template AS (
         SELECT l.*, v.scheduled_at, v.started_at, v.ended_at, v.join_expires_at, v.modality, v.modality_source
         FROM billing_lines l JOIN visits v ON v.id = l.visit_id WHERE l.id = $1),
       copies AS (
         SELECT gen_random_uuid() AS visit_id, gen_random_uuid() AS line_id, g FROM generate_series(1, $2::int) g),
       new_visits AS (
         INSERT INTO visits (id, practice_id, doctor_id, patient_id, status, scheduled_at, join_token_hash, join_expires_at, started_at, ended_at, ended_by, modality, modality_source)
         SELECT c.visit_id, t.practice_id, t.doctor_id, t.patient_id, 'completed', t.scheduled_at, md5(c.visit_id::text) || md5(c.line_id::text),
                t.join_expires_at, t.started_at, t.ended_at, 'doctor', t.modality, t.modality_source
         FROM copies c CROSS JOIN template t
         RETURNING id)
       INSERT INTO billing_lines (id, practice_id, visit_id, patient_id, doctor_id, date_of_service, state, code, total_cents, input, results,
                                  counts_toward_share, te2_requester_rpps, fee_table_version, rules_version, created_by)
       SELECT c.line_id, t.practice_id, c.visit_id, t.patient_id, t.doctor_id, t.date_of_service, CASE t.state WHEN 'exported' THEN 'ready' ELSE t.state END, t.code, t.total_cents,
              jsonb_set(t.input, '{visit,visitId}', to_jsonb(c.visit_id::text)), t.results,
              t.counts_toward_share, t.te2_requester_rpps, t.fee_table_version, t.rules_version, t.created_by
       FROM copies c CROSS JOIN template t`,
      [templateLineId, n],
    );
  }
}
