import assert from 'node:assert/strict';
import { it } from 'node:test';
import { RESOURCE_TYPES } from '../common.ts';
import { customerOf } from './helpers.ts';
import type { ContractSuite } from './fixtures.ts';
import { SPEC } from './spec-formats.ts';

/** resources 3.1.0: what the consent page offers and `GET /resources` reports. */
export const resourcesSuite: ContractSuite = {
  name: 'resources',
  register(ctx) {
    const { connector, fixtures } = ctx;

    void it('lists every account of the customer as an ACCOUNT resource with a core status', async () => {
      const ref = await customerOf(ctx, 'natural');
      const resources = await connector.resources.listResources(fixtures.brandId, ref);
      for (const r of resources) {
        assert.match(r.resourceId, SPEC.id);
        assert.ok((RESOURCE_TYPES as readonly string[]).includes(r.type));
        assert.ok(['AVAILABLE', 'UNAVAILABLE', 'TEMPORARILY_UNAVAILABLE'].includes(r.status));
      }
      const accounts = await connector.accounts.listAccounts(fixtures.brandId, ref, {
        page: { page: 1, pageSize: 1000 },
      });
      const listed = resources.filter((r) => r.type === 'ACCOUNT').map((r) => r.resourceId);
      assert.deepEqual(listed.sort(), accounts.items.map((a) => a.accountId).sort());
    });

    void it('filters resources by type', async () => {
      const ref = await customerOf(ctx, 'natural');
      const onlyAccounts = await connector.resources.listResources(fixtures.brandId, ref, {
        types: ['ACCOUNT'],
      });
      assert.ok(onlyAccounts.length >= 1);
      assert.ok(onlyAccounts.every((r) => r.type === 'ACCOUNT'));
      const none = await connector.resources.listResources(fixtures.brandId, ref, { types: ['EXCHANGE'] });
      assert.deepEqual(none, []);
    });

    void it("does not list another customer's resources", async () => {
      const mine = await connector.resources.listResources(
        fixtures.brandId,
        await customerOf(ctx, 'natural'),
      );
      const theirs = await connector.resources.listResources(
        fixtures.brandId,
        await customerOf(ctx, 'other'),
      );
      const overlap = mine.filter((r) =>
        theirs.some((t) => t.resourceId === r.resourceId && t.type === r.type),
      );
      assert.deepEqual(overlap, []);
    });
  },
};
