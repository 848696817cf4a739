/**
 * Unit-test setup: testing-library's `findBy…`/`waitFor` resolve as soon as their condition holds, so their ceiling
 * only decides when a broken test gives up. A short one made tests fail on a loaded machine while the UI was merely
 * slow; this one is long enough that only a real failure ends a wait.
 */
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 60_000 });
