import { useTestSfu, waitFor } from '../support/test-sfu';

describe('a worker that dies', () => {
  const t = useTestSfu({ SFU_NUM_WORKERS: '2' });
  const connect = (room: string, sub: string) => t.connect(room, sub);

  it('is replaced at its slot; its rooms close with worker-died; the process and other rooms live on', async () => {
    const a = await connect('dies', 'a');
    const b = await connect('dies', 'b');
    await a.enter();
    await b.enter();
    const survivor = await connect('lives', 'c');
    await survivor.enter();
    const room = t.sfu.rooms.get('dies')!;
    const otherRoom = t.sfu.rooms.get('lives')!;
    expect(room.worker).not.toBe(otherRoom.worker);

    const slot = t.sfu.pool.slots.find((s) => s.worker === room.worker)!;
    const deadPid = slot.worker.pid;
    const aGone = a.waitForDisconnect();
    const bGone = b.waitForDisconnect();
    process.kill(deadPid, 'SIGKILL');

    expect(await a.waitForEvent('roomClosed')).toEqual({ reason: 'worker-died' });
    expect(await b.waitForEvent('roomClosed')).toEqual({ reason: 'worker-died' });
    await Promise.all([aGone, bGone]);
    expect(room.closed).toBe(true);
    expect(t.sfu.rooms.get('dies')).toBeUndefined();

    await waitFor(() => t.sfu.pool.allAlive, 5000, 'replacement worker');
    const replacement = t.sfu.pool.slots.find((s) => s.index === slot.index)!;
    expect(replacement.worker.pid).not.toBe(deadPid);
    expect(replacement.worker.died).toBe(false);
    const ready = await fetch(`${t.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ workers: 2, aliveWorkers: 2 });

    // The other room was not touched.
    expect(otherRoom.closed).toBe(false);
    expect(survivor.socket.connected).toBe(true);
    expect(survivor.eventsNamed('roomClosed')).toEqual([]);

    // Clients reconnect with a fresh token and get a new, working room on a live worker.
    const again = await connect('dies', 'a');
    const entry = await again.enter();
    expect(entry.peers).toEqual([]);
    const newRoom = t.sfu.rooms.get('dies')!;
    expect(newRoom).not.toBe(room);
    expect(newRoom.worker.died).toBe(false);
  });

  it('is not ready from the death until the replacement is up', async () => {
    const seenAtDeath: { allAlive: boolean; aliveCount: number }[] = [];
    t.sfu.pool.onWorkerDied(() => seenAtDeath.push({ allAlive: t.sfu.pool.allAlive, aliveCount: t.sfu.pool.aliveCount }));
    process.kill(t.sfu.pool.slots[0]!.worker.pid, 'SIGKILL');
    await waitFor(() => seenAtDeath.length === 1, 3000, 'death noticed');
    expect(seenAtDeath[0]).toEqual({ allAlive: false, aliveCount: 1 });
    await waitFor(() => t.sfu.pool.allAlive, 5000, 'replacement worker');
    expect((await fetch(`${t.url}/health/ready`)).status).toBe(200);
  });
});
