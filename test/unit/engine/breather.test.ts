import { describe, expect, it } from 'vitest';
import { createBreather } from '../../../main/engine/pipeline/breather';

describe('createBreather', () => {
  it('lets other work run only once a slice of time has passed, then starts a new slice', async () => {
    let clock = 0;
    const breathe = createBreather(20, () => clock);
    const turns: string[] = [];
    const other = () => setImmediate(() => turns.push('other'));

    other();
    clock = 19;
    await breathe();
    turns.push('engine');
    expect(turns, 'within the slice the engine keeps the loop').toEqual(['engine']);

    clock = 20;
    await breathe();
    turns.push('engine');
    expect(turns, 'after the slice the waiting work ran first').toEqual(['engine', 'other', 'engine']);

    other();
    clock = 30;
    await breathe();
    turns.push('engine');
    expect(turns.at(-1), 'a new slice started at the last turn').toBe('engine');
    expect(turns.filter((t) => t === 'other')).toHaveLength(1);
  });
});
