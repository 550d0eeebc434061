import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sampleTcgCoding } from '@visite/billing';
import type { PractitionerProfile, RoomMediaSummary } from '@visite/contracts';
import request from 'supertest';
import { connectRealtime, createVisit, giveConsent, type Doctor, type TestApp } from './test-app';

/**
 * Stands in for the SFU's control endpoint at the HTTP boundary (the SFU's own tests cover how it
 * counts): `POST /control/rooms/:id/close` answers the media summary set for that room, zeros otherwise.
 */
export class SfuControlDouble {
  readonly carried = new Map<string, Omit<RoomMediaSummary, 'roomId'>>();
  private server!: Server;
  url!: string;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const match = /^\/control\/rooms\/([^/]+)\/close$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match || !/^Bearer \S+$/.test(req.headers.authorization ?? '')) {
        res.writeHead(404).end();
        return;
      }
      const roomId = decodeURIComponent(match[1]!);
      const zero = { audioPackets: 0, videoPackets: 0, audioBytes: 0, videoBytes: 0 };
      const body: RoomMediaSummary = { roomId, ...(this.carried.get(roomId) ?? { doctor: zero, patient: zero }) };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export const VIDEO_BOTH_WAYS = {
  doctor: { audioPackets: 1500, videoPackets: 4000, audioBytes: 150_000, videoBytes: 3_000_000 },
  patient: { audioPackets: 1500, videoPackets: 3500, audioBytes: 150_000, videoBytes: 2_500_000 },
};
/** The doctor's media reached the SFU, the patient's never did: nothing was exchanged. */
export const PATIENT_MEDIA_NEVER_ARRIVED = {
  doctor: { audioPackets: 1500, videoPackets: 4000, audioBytes: 150_000, videoBytes: 3_000_000 },
  patient: { audioPackets: 0, videoPackets: 0, audioBytes: 0, videoBytes: 0 },
};
export const PATIENT_WITHOUT_CAMERA = {
  doctor: { audioPackets: 1500, videoPackets: 4000, audioBytes: 150_000, videoBytes: 3_000_000 },
  patient: { audioPackets: 1500, videoPackets: 0, audioBytes: 150_000, videoBytes: 0 },
};

/** A GP in sector 1: bills TCG. */
export function gpProfile(rpps = '10003456789', overrides: Partial<PractitionerProfile> = {}): PractitionerProfile {
  return {
    rpps, amNumber: '751234567', profession: 'physician', specialty: 'general_practice', sector: '1', optam: false,
    firstName: 'Claire', lastName: 'Martin', declaredActs: { year: new Date().getFullYear(), total: 4000 }, ...overrides,
  };
}

/** Insured person 2951099126111 (key 93), the patient's own QUAL INS, regular doctor given. */
export function qualifiedIdentity(regularDoctorRpps: string | null) {
  return {
    sex: 'female', ins: '295109912611193', insOid: '1.2.250.1.213.1.4.8', identityStatus: 'QUAL',
    insuredNir: '295109912611193', beneficiaryRank: 1, regularDoctorRpps,
  };
}

/** TCG at its fee, the patient at home (the shared sample coding). */
export const tcg = sampleTcgCoding;

/** A visit taken through the real flow: link, consent, waiting room, admission, the doctor hangs up. */
export async function completedVisit(t: TestApp, doctor: Doctor, sfu: SfuControlDouble, carried: Omit<RoomMediaSummary, 'roomId'> | null, patient: Record<string, unknown> = {}): Promise<string> {
  const { visit, joinToken } = await createVisit(t, doctor, patient);
  if (carried) sfu.carried.set(visit.id, carried);
  await giveConsent(t, joinToken);
  const socket = await connectRealtime(t, { joinToken });
  try {
    const joined = await socket.emitWithAck('waiting.join', {});
    if (!joined.ok) throw new Error(`waiting.join refused: ${JSON.stringify(joined)}`);
    await request(t.url).post(`/api/visits/${visit.id}/admit`).set('cookie', doctor.cookie).expect(200);
    await request(t.url).post(`/api/visits/${visit.id}/end`).set('cookie', doctor.cookie).expect(200);
  } finally {
    socket.close();
  }
  return visit.id;
}
