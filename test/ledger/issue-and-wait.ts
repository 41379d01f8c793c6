import request from 'supertest';
import type { TestAccount } from '../support/auth';
import { eventually } from '../support/test-stack';
import type { Http } from './rectification-http';

/** Issues the seed evaluation and waits, generously (a loaded machine), until its four items are in the ledger. */
export async function issueAndWait(
  http: Http,
  who: TestAccount,
  evaluationId: string,
  body: Record<string, unknown>,
): Promise<void> {
  await request(http).post(`/api/v1/evaluations/${evaluationId}/issue`).set(who.auth).send(body).expect(200);
  await eventually(
    async () => {
      const res = await request(http).get('/api/v1/rectifications').query({ evaluationId }).set(who.auth);
      return res.status === 200 && res.body.total === 4;
    },
    120_000,
    500,
  );
}
