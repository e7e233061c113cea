import { defineRoutes } from '../../platform/http/index.ts';
import type { Receiver } from '../receiver.ts';
import type { RegistrationView } from '../registration/store.ts';
import { DeleteRegistration, ListRegistrations, SyncRegistrations } from './schemas.ts';

const shape = (view: RegistrationView) => ({
  ...view,
  syncedAt: view.syncedAt?.toISOString() ?? null,
  updatedAt: view.updatedAt.toISOString(),
});

/** Operator routes: the registrations and their state, a sync with the directory now, DCM delete. */
export const registrationRoutes = defineRoutes<{ receiver: Receiver }>((app, { receiver }) => {
  app.get('/receiver/v1/registrations', { schema: ListRegistrations }, async () => ({
    data: (await receiver.listRegistrations()).map(shape),
  }));
  app.post('/receiver/v1/registrations', { schema: SyncRegistrations }, async () => {
    const { registrations, syncedAt, ...counts } = await receiver.syncRegistrations();
    return { data: registrations.map(shape), meta: { ...counts, syncedAt: syncedAt.toISOString() } };
  });
  app.delete('/receiver/v1/registrations/:id', { schema: DeleteRegistration }, async (request) => ({
    data: shape(await receiver.deleteRegistration(request.params.id)),
  }));
});
