import { describe, expect, it } from 'vitest';
import { Inbox, Outbox } from './sample-queues.ts';

const r = { alpha: 1, beta: 2, gamma: 3 };

describe('the phone outbox', () => {
  it('numbers samples from 0 and keeps them until confirmed', () => {
    const o = new Outbox();
    for (let i = 0; i < 5; i++) o.add(i * 20, r);
    expect(o.unconfirmed().map((s) => s.seq)).toEqual([0, 1, 2, 3, 4]);
    o.ack(2);
    expect(o.unconfirmed().map((s) => s.seq)).toEqual([3, 4]);
    o.ack(-1);
    expect(o.unconfirmed().map((s) => s.seq)).toEqual([3, 4]);
    o.ack(4);
    expect(o.unconfirmed()).toEqual([]);
    expect(o.taken).toBe(5);
  });
});

describe('the screen inbox', () => {
  it('keeps each sample once however often and in whatever order it comes', () => {
    const o = new Outbox();
    const all = Array.from({ length: 6 }, (_, i) => o.add(i * 20, r));
    const inbox = new Inbox();
    expect(inbox.receive([all[0]!, all[1]!])).toHaveLength(2);
    expect(inbox.receive([all[3]!, all[1]!])).toHaveLength(1);
    // 2 is missing: only up to 1 is confirmed, so the phone keeps 2 and sends it again.
    expect(inbox.confirmedUpTo).toBe(1);
    expect(inbox.latest?.seq).toBe(3);
    expect(inbox.receive(all)).toHaveLength(3);
    expect(inbox.confirmedUpTo).toBe(5);
    expect(inbox.all().map((s) => s.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(inbox.size).toBe(6);
  });

  it('confirms nothing before the first sample', () => {
    const inbox = new Inbox();
    expect(inbox.confirmedUpTo).toBe(-1);
    inbox.receive([{ seq: 1, tMs: 0, ...r }]);
    expect(inbox.confirmedUpTo).toBe(-1);
  });
});
