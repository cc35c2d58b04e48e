// The demo's "Share with customer" (issue 16): the Success tab's action gives the CSM a link,
// and the link opens Acme's overview for the customer, read-only and without the CS team's
// recommendations. The pages run in their own tabs on the reference server
// (testing/reference-server.mjs, `demo-share`).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { describe, it } from './testing/mocha.js';

/** The share page's own words: its report formats (by API value) and its language picker. */
interface PageWords {
  readonly reportAs: string;
  readonly formats: [string, string][];
  readonly language: string;
  readonly settings: string;
}

const words = (
  reportAs: string,
  [html, pdf, ppt]: [string, string, string],
  language: string,
  settings: string,
): PageWords => ({
  reportAs,
  formats: [
    ['html', html],
    ['pdf', pdf],
    ['ppt', ppt],
  ],
  language,
  settings,
});

describe('demo host page: share with customer', () => {
  it("gives the CSM a link that opens Acme's customer-facing overview, without recommendations", async function () {
    // Two pages, each waiting for its dashboard: more than the default 10 s on a busy machine.
    (this as { timeout(ms: number): void }).timeout(60_000);
    const made = await executeServerCommand<
      { url: string; message: string; csmText: string },
      { step: 'create' }
    >('demo-share', { step: 'create' });
    expect(made.url).to.match(/\/share\/cscx_share_[A-Za-z0-9_-]{43}$/);
    expect(made.message).to.include('Send this link to Acme Corp');
    // The CSM sees the at-risk goal's actions; the customer sees the goal, not the actions.
    expect(made.csmText).to.include('Upsell revenue closed at 70 % of target');
    const r = await executeServerCommand<
      {
        status: number;
        referrerPolicy: string | null;
        sharedText: string;
        title: string;
        words: Record<string, PageWords>;
        failed: string[];
        violations: string[];
      },
      { step: 'open'; url: string; locales: string[] }
    >('demo-share', { step: 'open', url: made.url, locales: ['de-DE', 'fr-FR', 'es-ES', 'ja-JP'] });
    expect(r.status).to.equal(200);
    expect(r.referrerPolicy).to.equal('no-referrer');
    expect(r.title).to.equal('Acme Corp');
    expect(r.sharedText).to.include('Revenue from upsell');
    expect(r.sharedText).to.include('Read-only. This link works until');
    expect(r.sharedText).not.to.include('Upsell revenue closed at 70 % of target');
    expect(r.sharedText).not.to.include('This week:');
    expect(r.sharedText).not.to.include('Add goal');
    // The page's own words follow its language picker: the report formats too.
    expect(r.words).to.deep.equal({
      'en-US': words('Report as', ['HTML page', 'PDF', 'PowerPoint'], 'Language', 'Settings'),
      'de-DE': words(
        'Bericht als',
        ['HTML-Seite', 'PDF', 'PowerPoint'],
        'Sprache',
        'Einstellungen',
      ),
      'fr-FR': words('Rapport en', ['Page HTML', 'PDF', 'PowerPoint'], 'Langue', 'Paramètres'),
      'es-ES': words('Informe en', ['Página HTML', 'PDF', 'PowerPoint'], 'Idioma', 'Ajustes'),
      'ja-JP': words('レポート形式', ['HTML ページ', 'PDF', 'PowerPoint'], '言語', '設定'),
    });
    expect(r.failed).to.deep.equal([]);
    expect(r.violations).to.deep.equal([]);
  });
});
