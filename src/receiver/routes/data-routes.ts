import type { Clock } from '../../platform/clock/index.ts';
import { defineRoutes } from '../../platform/http/index.ts';
import { DATA_ENDPOINTS } from '../data/endpoints.ts';
import type { Receiver } from '../receiver.ts';
import { withHolderErrors } from './holder-error-body.ts';
import { DataRoute } from './schemas.ts';

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * `GET /receiver/v1/consents/:id/<data>`: one route per row of DATA_ENDPOINTS. The app passes
 * the customer's IP and user agent in the same headers the Open Finance APIs use; `?all=true`
 * follows the holder's pagination; every other query parameter goes to the holder as is.
 */
export const dataRoutes = defineRoutes<{ receiver: Receiver; clock: Clock }>((app, { receiver, clock }) => {
  for (const endpoint of DATA_ENDPOINTS) {
    app.get(`/receiver/v1/consents/:id${endpoint.route}`, { schema: DataRoute }, async (request, reply) =>
      withHolderErrors(reply, clock, async () => {
        const { id, ...params } = request.params;
        const { all, ...query } = request.query;
        const answer = await receiver.fetchData({
          id: id!,
          endpoint,
          params,
          query,
          all: all === 'true',
          customer: {
            ipAddress: header(request.headers['x-fapi-customer-ip-address']),
            userAgent: header(request.headers['x-customer-user-agent']),
          },
        });
        return reply.header('cache-control', 'no-store').send(answer.body);
      }),
    );
  }
});
