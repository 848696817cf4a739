import { idBatches, MAX_IDS_PER_CALL, paginate, query } from '../paging';
import { CustomerContact, TagType } from '../schemas/crm-tags';
import type { StTransport } from '../transport';

/** Filters of the customer-contact list: by customers (batched by 50) or changed since a time; one is required. */
export type CustomerContactFilter =
  | { customerIds: readonly number[]; modifiedOnOrAfter?: string | Date }
  | { customerIds?: undefined; modifiedOnOrAfter: string | Date };

/** Tag types and customer contacts (read only). */
export function crmTagEndpoints(t: StTransport) {
  return {
    /** Streams tag types (all of them with `active: 'Any'`). */
    tagTypes: (
      filter: { active?: 'True' | 'False' | 'Any'; pageSize?: number } = {},
    ): AsyncGenerator<TagType> =>
      paginate(
        t,
        {
          module: 'settings',
          scope: 'tn.stt.tagtypes:r',
          endpoint: 'TagTypes_GetList',
          method: 'GET',
          path: '/tag-types',
          query: query({ active: filter.active }),
        },
        TagType,
        filter.pageSize,
      ),
    /**
     * Streams the contacts of many customers in bulk (`Customers_GetModifiedContactsList`): 50 customer ids per
     * call, or every contact changed since a time, instead of one call per customer.
     */
    async *customerContacts(filter: CustomerContactFilter): AsyncGenerator<CustomerContact> {
      const since = query({ modifiedOnOrAfter: filter.modifiedOnOrAfter });
      const batches = filter.customerIds ? idBatches(filter.customerIds) : [undefined];
      for (const customerIds of batches) {
        if (customerIds === '') continue;
        yield* paginate(
          t,
          {
            module: 'crm',
            scope: 'tn.crm.customers:r',
            endpoint: 'Customers_GetModifiedContactsList',
            method: 'GET',
            path: '/customers/contacts',
            query: { ...since, ...(customerIds !== undefined && { customerIds }) },
          },
          CustomerContact,
          customerIds !== undefined ? MAX_IDS_PER_CALL * 4 : undefined,
        );
      }
    },
  };
}
