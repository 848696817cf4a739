import { billsScenario } from './bench-scenarios';
await billsScenario(500);
