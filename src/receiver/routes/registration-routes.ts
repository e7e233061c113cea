import { defineRoutes } from '../../platform/http/index.ts';
import type { Receiver } from '../receiver.ts';
import type { RegistrationView } from '../registration/store.ts';
import { DeleteRegistration, ListRegistrations } from './schemas.ts';

const shape = (view: RegistrationView) => ({ ...view, updatedAt: view.updatedAt.toISOString() });

/** Operator routes: the registrations and their state, DCR everywhere again, DCM delete. */
export const registrationRoutes = defineRoutes<{ receiver: Receiver }>((app, { receiver }) => {
  app.get('/receiver/v1/registrations', { schema: ListRegistrations }, async () => ({
    data: (await receiver.listRegistrations()).map(shape),
  }));
  app.post('/receiver/v1/registrations', { schema: ListRegistrations }, async () => ({
    data: (await receiver.registerEverywhere()).map(shape),
  }));
  app.delete('/receiver/v1/registrations/:id', { schema: DeleteRegistration }, async (request) => ({
    data: shape(await receiver.deleteRegistration(request.params.id)),
  }));
});
