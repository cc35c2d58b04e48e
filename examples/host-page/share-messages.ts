// The words of "Share with customer" (the Success tab's action) and of the shared page, in the
// kit's message catalogue: English here, the shipped languages registered beside it, so a host
// reads them as it reads the elements' (a host may reword them with registerTranslation).
import { defineMessages, messagesFor, registerTranslation } from '@cscx/success-calc/i18n';

export const SHARE_MESSAGES = defineMessages('demo.share', {
  share: 'Share with customer',
  sharing: 'Creating a link…',
  created:
    'Send this link to {customer}. It shows their customer-facing dashboard and report, read-only and without internal notes or recommendations, until {date}.',
  copy: 'Copy link',
  copied: 'Copied.',
  failed: 'Could not create a share link: {reason}',
  sharedBy: 'Shared with you by your customer success team',
  expires: 'Read-only. This link works until {date}.',
  reportAs: 'Report as',
  formatHtml: 'HTML page',
  formatPdf: 'PDF',
  formatPpt: 'PowerPoint',
  settings: 'Settings',
  language: 'Language',
  back: '← Back to the success overview',
  gone: 'This share link no longer works: {reason}',
});

registerTranslation(
  {
    locale: 'de-DE',
    name: 'Deutsch',
    messages: {
      'demo.share': {
        share: 'Mit dem Kunden teilen',
        sharing: 'Link wird erstellt…',
        created:
          'Senden Sie diesen Link an {customer}. Er zeigt bis {date} das Kunden-Dashboard und den Bericht, nur lesend und ohne interne Notizen oder Empfehlungen.',
        copy: 'Link kopieren',
        copied: 'Kopiert.',
        failed: 'Der Freigabelink konnte nicht erstellt werden: {reason}',
        sharedBy: 'Von Ihrem Customer-Success-Team mit Ihnen geteilt',
        expires: 'Nur lesend. Dieser Link gilt bis {date}.',
        reportAs: 'Bericht als',
        formatHtml: 'HTML-Seite',
        formatPdf: 'PDF',
        formatPpt: 'PowerPoint',
        settings: 'Einstellungen',
        language: 'Sprache',
        back: '← Zurück zur Erfolgsübersicht',
        gone: 'Dieser Freigabelink funktioniert nicht mehr: {reason}',
      },
    },
  },
  {
    locale: 'fr-FR',
    name: 'Français',
    messages: {
      'demo.share': {
        share: 'Partager avec le client',
        sharing: 'Création du lien…',
        created:
          'Envoyez ce lien à {customer}. Il montre son tableau de bord et son rapport client, en lecture seule et sans notes internes ni recommandations, jusqu’au {date}.',
        copy: 'Copier le lien',
        copied: 'Copié.',
        failed: 'Impossible de créer un lien de partage : {reason}',
        sharedBy: 'Partagé avec vous par votre équipe Customer Success',
        expires: 'Lecture seule. Ce lien est valable jusqu’au {date}.',
        reportAs: 'Rapport en',
        formatHtml: 'Page HTML',
        formatPdf: 'PDF',
        formatPpt: 'PowerPoint',
        settings: 'Paramètres',
        language: 'Langue',
        back: '← Retour à la vue d’ensemble',
        gone: 'Ce lien de partage ne fonctionne plus : {reason}',
      },
    },
  },
  {
    locale: 'es-ES',
    name: 'Español',
    messages: {
      'demo.share': {
        share: 'Compartir con el cliente',
        sharing: 'Creando un enlace…',
        created:
          'Envíe este enlace a {customer}. Muestra su panel y su informe para clientes, de solo lectura y sin notas internas ni recomendaciones, hasta el {date}.',
        copy: 'Copiar enlace',
        copied: 'Copiado.',
        failed: 'No se pudo crear un enlace para compartir: {reason}',
        sharedBy: 'Compartido con usted por su equipo de Customer Success',
        expires: 'Solo lectura. Este enlace funciona hasta el {date}.',
        reportAs: 'Informe en',
        formatHtml: 'Página HTML',
        formatPdf: 'PDF',
        formatPpt: 'PowerPoint',
        settings: 'Ajustes',
        language: 'Idioma',
        back: '← Volver al resumen de éxito',
        gone: 'Este enlace ya no funciona: {reason}',
      },
    },
  },
  {
    locale: 'ja-JP',
    name: '日本語',
    messages: {
      'demo.share': {
        share: '顧客と共有',
        sharing: 'リンクを作成しています…',
        created:
          'このリンクを{customer}に送ってください。{date}まで、顧客向けのダッシュボードとレポートを閲覧専用で表示します（社内メモや推奨アクションは含みません）。',
        copy: 'リンクをコピー',
        copied: 'コピーしました。',
        failed: '共有リンクを作成できませんでした: {reason}',
        sharedBy: 'カスタマーサクセスチームから共有されました',
        expires: '閲覧専用です。このリンクは{date}まで有効です。',
        reportAs: 'レポート形式',
        formatHtml: 'HTML ページ',
        formatPdf: 'PDF',
        formatPpt: 'PowerPoint',
        settings: '設定',
        language: '言語',
        back: '← サクセス概要に戻る',
        gone: 'この共有リンクは使用できません: {reason}',
      },
    },
  },
);

/** The share words in `locale` (English where a translation lacks one). */
export const shareText = (locale: string) => messagesFor(SHARE_MESSAGES, locale);
