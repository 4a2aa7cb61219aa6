import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TaskChangeBus } from './task-change-bus';
import type { TaskChange, TaskChangeListener } from './task-change-listener';

const em = {} as EntityManager;
const change = { action: 'accept' } as TaskChange;

describe('TaskChangeBus', () => {
  it('calls every listener in order, once each however often it registers', async () => {
    const calls: string[] = [];
    const a: TaskChangeListener = { onTasksChanged: async () => void calls.push('a'), afterCommit: async () => void calls.push('a-after') };
    const b: TaskChangeListener = { onTasksChanged: async () => void calls.push('b') };
    const bus = new TaskChangeBus();
    bus.register(a);
    bus.register(b);
    bus.register(a);
    await bus.inTransaction(em, [change]);
    await bus.afterCommit([change]);
    expect(calls).toEqual(['a', 'b', 'a-after']);
  });

  it('lets an in-transaction failure propagate (so the change rolls back) but swallows after-commit ones', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const bus = new TaskChangeBus();
    const after = jest.fn(async () => undefined);
    bus.register({ onTasksChanged: async () => Promise.reject(new Error('outbox full')), afterCommit: async () => Promise.reject(new Error('redis down')) });
    bus.register({ onTasksChanged: async () => undefined, afterCommit: after });
    await expect(bus.inTransaction(em, [change])).rejects.toThrow('outbox full');
    await expect(bus.afterCommit([change])).resolves.toBeUndefined();
    expect(after).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  it('does not bother listeners with an empty batch', async () => {
    const bus = new TaskChangeBus();
    const on = jest.fn(async () => undefined);
    bus.register({ onTasksChanged: on, afterCommit: on });
    await bus.inTransaction(em, []);
    await bus.afterCommit([]);
    expect(on).not.toHaveBeenCalled();
  });
});
