import { cents } from './types';
import type { ItemRec, Rec } from './types';

/** An invoice line (`Accounting.V2.InvoiceItemResponse`); amounts in øre, quantity in tenths. */
export function item(
  id: number,
  order: number,
  skuId: number,
  name: string,
  type: string,
  qtyTenths: number,
  price: number,
  cost: number,
  total: number,
  gl: Rec,
  bu: Rec,
  when: string,
  stocked: boolean,
): ItemRec {
  const qty = qtyTenths % 10 === 0 ? `${qtyTenths / 10}` : (qtyTenths / 10).toFixed(1);
  return {
    id,
    description: `<p>${name}</p>`,
    quantity: qty,
    cost: cents(cost),
    totalCost: cents(Math.round((cost * qtyTenths) / 10)),
    budgetCodeId: null,
    inventoryLocationId: stocked ? 1 : null,
    inventoryLocation: stocked ? 'Hovedlager Oslo' : null,
    price: cents(price),
    type,
    skuName: name,
    skuId,
    total: cents(total),
    inventory: stocked && type === 'Material',
    taxable: true,
    isChargeable: true,
    generalLedgerAccount: gl,
    costOfSaleAccount: stocked
      ? {
          ...gl,
          id: 509,
          name: 'Varekostnad materiell',
          number: '4000',
          type: 'Cost of Goods Sold',
          detailType: null,
        }
      : null,
    assetAccount: stocked
      ? { ...gl, id: 502, name: 'Varelager', number: '1460', type: 'Other Current Asset', detailType: null }
      : null,
    membershipTypeId: 0,
    itemGroup: null,
    displayName: name,
    soldHours: type === 'Service' ? qtyTenths / 10 : null,
    createdOn: when,
    modifiedOn: when,
    serviceDate: when,
    order,
    businessUnit: { id: bu.id, name: bu.name },
    createdById: 1,
    displayInAmount: true,
    importId: null,
    exportId: null,
    inventoryStatus: null,
    addOn: false,
    memberPrice: null,
    technicianId: 1001,
    installedEquipmentId: null,
    estimateItemId: null,
  };
}
