import { ConnectorModuleError, importConnectorModule } from '../../load.ts';
import { connectorUnderTestOf, type ConnectorUnderTest } from '../under-test.ts';

/**
 * Imports a resolved connector-test module (`resolveConnectorModule`) and checks that it exports
 * a `ConnectorUnderTest`; `ponte/…` imports in it resolve to this Ponte.
 */
export async function loadConnectorUnderTest(url: string, label = url): Promise<ConnectorUnderTest> {
  const namespace = await importConnectorModule(url, label);
  const found = connectorUnderTestOf(namespace);
  if (!found.ok) {
    throw new ConnectorModuleError(
      'wrong-shape',
      `${label} is not a connector module: ${found.problem} ` +
        '(expected `export default { connector(), fixtures(connector), close?() }`)',
    );
  }
  return found.value;
}
