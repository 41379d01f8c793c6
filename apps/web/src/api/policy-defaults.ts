import type { PolicyDefaultsResponse } from '@contracts/api';
import { get } from './http';

/** The bureau's default policy, one cache entry for the admin page and the 下发 wizard. */
export const policyDefaultsQuery = {
  queryKey: ['policy-defaults'],
  queryFn: () => get<PolicyDefaultsResponse>('/admin/policy-defaults'),
};
