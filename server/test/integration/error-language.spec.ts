import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { connectRealtime, createDoctor, createVisit, startTestApp, type TestApp } from '../factories/test-app';

/** Error messages (and the consent text) come in the request's language: Accept-Language, else French. */
describe("messages in the request's language", () => {
  let t: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => t.close());

  const invalidLink = (language?: string) => {
    const req = request(t.url).get(`/api/join/${'a'.repeat(43)}`);
    return (language === undefined ? req : req.set('accept-language', language)).expect(404);
  };

  it('renders a domain error from the errors catalogue by code: French by default, English when asked', async () => {
    const french = await invalidLink();
    expect(french.body).toEqual({ statusCode: 404, code: 'JOIN_LINK_INVALID', message: expect.stringMatching(/^Ce lien n’est pas valable/) });
    expect((await invalidLink('en-GB,en;q=0.9')).body.message).toMatch(/^This link is not valid/);
    expect((await invalidLink('de-DE,de;q=0.9')).body.message).toMatch(/^Ce lien n’est pas valable/);
    expect((await invalidLink('de-DE,en;q=0.5')).body.message).toMatch(/^This link is not valid/);
    expect((await invalidLink('fr-FR,en;q=0.8')).body.message).toMatch(/^Ce lien n’est pas valable/);
    expect((await invalidLink(';;;q=x,,')).body.code).toBe('JOIN_LINK_INVALID');
  });

  it('translates validation, JSON, authentication and not-found errors too, keeping their codes', async () => {
    const doctor = await createDoctor(t);
    const malformed = await request(t.url).post('/api/visits').set('cookie', doctor.cookie).set('accept-language', 'en').set('content-type', 'application/json').send('{"x": ');
    expect(malformed.body).toMatchObject({ code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' });

    const unknownField = await request(t.url)
      .post('/api/visits')
      .set('cookie', doctor.cookie)
      .send({ patient: { firstName: 'A', lastName: 'B', birthDate: '1990-01-01', phone: '+33600000000' }, isAdmin: true });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Certaines informations envoyées ne sont pas valables\..*isAdmin/) });

    const signedOut = await request(t.url).get('/api/visits/today').set('accept-language', 'en').expect(401);
    expect(signedOut.body).toMatchObject({ code: 'NOT_AUTHENTICATED', message: expect.stringMatching(/^You are not signed in/) });
    expect((await request(t.url).get('/api/visits/today').expect(401)).body.message).toMatch(/^Vous n’êtes pas connecté/);

    const login = await request(t.url).post('/api/auth/login').send({ email: 'nobody@example.org', password: 'not the password' }).expect(401);
    expect(login.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Adresse e-mail ou mot de passe incorrect.' });

    const notFound = await request(t.url).get('/api/no-such-route').set('accept-language', 'en').expect(404);
    expect(notFound.body).toMatchObject({ code: 'NOT_FOUND', message: 'Not found.' });
  });

  it('answers socket refusals and acknowledgements in the language of the handshake', async () => {
    await expect(connectRealtime(t, { joinToken: 'z'.repeat(43), lang: 'en' })).rejects.toMatchObject({ data: { code: 'JOIN_LINK_INVALID', message: expect.stringMatching(/^This link is not valid/) } });
    await expect(connectRealtime(t, { joinToken: 'z'.repeat(43) })).rejects.toMatchObject({ data: { code: 'JOIN_LINK_INVALID', message: expect.stringMatching(/^Ce lien n’est pas valable/) } });

    const doctor = await createDoctor(t);
    const english = await connectRealtime(t, { cookie: doctor.cookie, lang: 'en' });
    const french = await connectRealtime(t, { cookie: doctor.cookie, lang: 'xx' });
    sockets.push(english, french);
    expect((await english.emitWithAck('waiting.join', {})).error).toEqual({ code: 'FORBIDDEN_ROLE', message: 'Your role does not allow this action.' });
    expect((await french.emitWithAck('waiting.join', {})).error).toEqual({ code: 'FORBIDDEN_ROLE', message: 'Votre rôle ne permet pas cette action.' });
  });

  it('gives the consent texts in both languages (video and audio-only wording) under one version, and stores the language the patient read', async () => {
    const doctor = await createDoctor(t);
    const { joinToken } = await createVisit(t, doctor);
    const info = await request(t.url).get(`/api/join/${joinToken}`).expect(200);
    const tele = info.body.consent.texts.find((text: { kind: string }) => text.kind === 'teleconsultation');
    expect(tele.content.fr.body).toMatch(/^J’accepte une consultation par vidéo/);
    expect(tele.content.fr.audioBody).toMatch(/^J’accepte une consultation par téléphone/);
    expect(tele.content.en.body).toMatch(/^I agree to a video consultation/);
    expect(tele.content.en.audioBody).not.toMatch(/video/);

    const texts = info.body.consent.texts.map(({ kind, version }: { kind: string; version: number }) => ({ kind, version }));
    const given = await request(t.url).post(`/api/join/${joinToken}/consent`).send({ texts, language: 'en', wording: 'audio' }).expect(200);
    expect(given.body).toMatchObject({ consentGiven: true, consent: { state: { status: 'given' } } });
    expect(given.body.consent.state.latest).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'teleconsultation', language: 'en', wording: 'audio', method: 'web_checkbox', decision: 'given' })]),
    );
  });
});
