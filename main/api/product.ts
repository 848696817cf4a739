/** The product name as shown to people (its own module so the app's main bundle need not load the handlers). */
export const PRODUCT_NAME = 'ServiceTitan → Visma Connector';
