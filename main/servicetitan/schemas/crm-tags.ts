import { z } from 'zod';
import { Id, Timestamp } from './common';

/** A tag type (`TenantSettings.V2.TagTypeResponse`): the tags customers carry in `tagTypeIds`. */
export const TagType = z.looseObject({
  id: Id,
  name: z.string(),
  code: z.string().nullish(),
  active: z.boolean(),
  createdOn: Timestamp,
  modifiedOn: Timestamp,
});
export type TagType = z.infer<typeof TagType>;

/**
 * A customer contact with its customer (`Crm.V2.Customers.CustomerContactWithModifiedOnAndCustomerIdResponse`):
 * a phone number, mobile number, fax or e-mail address.
 */
export const CustomerContact = z.looseObject({
  id: Id,
  customerId: Id,
  type: z.enum(['Phone', 'Email', 'Fax', 'MobilePhone']),
  value: z.string(),
  memo: z.string().nullish(),
  preferences: z
    .looseObject({
      invoiceNotification: z.boolean().optional(),
      statementNotification: z.boolean().optional(),
    })
    .nullish(),
  createdOn: Timestamp,
  modifiedOn: Timestamp,
});
export type CustomerContact = z.infer<typeof CustomerContact>;
