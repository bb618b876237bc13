import { describe, expect, it } from 'vitest';
import { CueScheduler } from './cue-scheduler.ts';

const make = () => new CueScheduler<'a' | 'b' | 'c'>({ priority: ['a', 'b', 'c'], cooldownMs: 4000, repeatMs: 8000 });

describe('CueScheduler', () => {
  it('says the most important of the active cues', () => {
    expect(make().offer(0, ['c', 'b'])?.key).toBe('b');
  });
  it('says nothing during the cooldown, whatever is active', () => {
    const s = make();
    s.offer(0, ['a']);
    expect(s.offer(3999, ['b'])).toBeNull();
    expect(s.offer(4000, ['b'])?.key).toBe('b');
  });
  it('does not repeat the same cue too soon, offering the next one instead', () => {
    const s = make();
    s.offer(0, ['a', 'b']);
    expect(s.offer(5000, ['a', 'b'])?.key).toBe('b');
    expect(s.offer(9000, ['a', 'b'])?.key).toBe('a');
  });
  it('says nothing when nothing applies', () => {
    expect(make().offer(0, [])).toBeNull();
  });
});
