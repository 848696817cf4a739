import { describe, expect, it } from 'vitest';
import { channelNames, channels, eventNames, events } from '../../../shared/contract';

describe('contract name lists', () => {
  it('lists exactly the declared channels (the preload exposes this list)', () => {
    expect([...channelNames].sort()).toEqual(Object.keys(channels).sort());
  });
  it('lists exactly the declared events', () => {
    expect([...eventNames].sort()).toEqual(Object.keys(events).sort());
  });
});
