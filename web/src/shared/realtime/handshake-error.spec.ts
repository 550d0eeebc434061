import { PROTOCOL_VERSION_MISMATCH } from '@visite/contracts';
import { i18n } from '../i18n/i18n';
import { describeConnectError } from './handshake-error';

describe('describeConnectError', () => {
  afterEach(() => i18n.changeLanguage('fr'));

  it('asks to reload on a protocol version mismatch, in the chosen language', async () => {
    const refusal = { message: 'x', data: { code: PROTOCOL_VERSION_MISMATCH, message: 'Reload the page.', protocolVersion: 2 } };
    expect(describeConnectError(refusal)).toEqual({ code: PROTOCOL_VERSION_MISMATCH, message: 'Visite a été mis à jour. Veuillez recharger la page.', reload: true, refused: true });
    await i18n.changeLanguage('en');
    expect(describeConnectError(refusal).message).toBe('Visite has been updated. Please reload the page.');
  });

  it("shows the catalogue's text for a known code, the server's message for another", () => {
    const known = describeConnectError({ data: { code: 'JOIN_LINK_INVALID', message: 'This link is not valid.' } });
    expect(known.refused).toBe(true);
    expect(known.reload).toBe(false);
    expect(known.message).toMatch(/^Ce lien n’est pas valable/);
    expect(describeConnectError({ data: { code: 'SOMETHING_ELSE', message: 'Refusé pour une autre raison.' } }).message).toBe('Refusé pour une autre raison.');
    expect(describeConnectError({ data: { code: 'SOMETHING_ELSE' } }).message).toBe('La connexion a été refusée.');
  });

  it('treats a transport error as transient', () => {
    const problem = describeConnectError(new Error('websocket error'));
    expect(problem.refused).toBe(false);
    expect(problem.message).toBe('Connexion perdue. Nouvelle tentative en cours…');
  });
});
