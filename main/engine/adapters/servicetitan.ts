import { money, sum } from '../../../shared/money';
import type { ServiceTitanClient } from '../../servicetitan';
import type { StTaxZoneInfo } from '../master-data/types';
import type { StPort } from '../ports';
import { callGuard, collect, type CallGuard } from './calls';
import { classifyServiceTitanError } from './servicetitan-errors';
import { stCustomerCalls } from './servicetitan-customers';
import { stDocumentCalls } from './servicetitan-documents';
import { stVendorCalls } from './servicetitan-vendors';

/** Tax zones and business units. */
function stListCalls(
  client: ServiceTitanClient,
  guard: CallGuard,
): Pick<StPort, 'taxZones' | 'businessUnits'> {
  return {
    taxZones: () =>
      guard.read(async () =>
        (await collect(client.taxZones({ active: 'Any' }))).map((z): StTaxZoneInfo => {
          // Summed as decimals: 0.1 + 0.2 in floating point is not 0.3.
          const rateOf = (base: string) =>
            sum(
              z.rates
                .filter((r) => r.taxBaseType.includes('Subtotal') || r.taxBaseType.includes(base))
                .map((r) => money(r.taxRate)),
            )
              .times(100)
              .toString();
          return {
            id: String(z.id),
            name: z.name ?? String(z.id),
            laborRate: rateOf('Labor'),
            materialRate: rateOf('Material'),
            active: z.active,
          };
        }),
      ),
    businessUnits: () =>
      guard.read(async () =>
        (await collect(client.businessUnits({ active: 'Any' }))).map((b) => ({
          id: String(b.id),
          name: b.name,
          active: b.active,
        })),
      ),
  };
}

/**
 * The engine's ServiceTitan port over the real client, for the sync pipeline and master-data alignment alike; every
 * failure goes through `classifyServiceTitanError`. `applicationGuid` is the connector's external-data GUID.
 */
export function serviceTitanPort(client: ServiceTitanClient, applicationGuid: string): StPort {
  const guard = callGuard('ServiceTitan', classifyServiceTitanError);
  return {
    ...stDocumentCalls(client, guard),
    ...stListCalls(client, guard),
    ...stVendorCalls(client, guard, applicationGuid),
    ...stCustomerCalls(client, guard),
    callCount: () => client.calls().total,
    tokenCount: () => client.calls().byEndpoint.token ?? 0,
  };
}
