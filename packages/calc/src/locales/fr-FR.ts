import type { Translation } from '../catalogue.js';

/**
 * calc's shared words in Français (fr-FR): statuses, bands, segments and the executive summary.
 * The elements' and the reports' own translations for fr-FR build on this one.
 *
 * @example
 * import { registerTranslation, vocabulary } from '@cscx/success-calc/i18n';
 * import { frFR } from '@cscx/success-calc/locales/fr-FR';
 * registerTranslation(frFR);
 * vocabulary('fr-FR').goalStatus('on_track'); // 'En bonne voie'
 */
export const frFR: Translation = {
  locale: 'fr-FR',
  name: 'Français',
  messages: {
    'calc.status': {
      not_started: 'Non commencé',
      on_track: 'En bonne voie',
      at_risk: 'À risque',
      achieved: 'Atteint',
      exceeded: 'Dépassé',
      missed: 'Manqué',
      not_met: 'Non atteint',
      planned: 'Prévu',
      no_data: 'Aucune donnée',
    },
    'calc.band': {
      strong: 'Solide',
      moderate: 'Moyen',
      weak: 'Faible',
    },
    'calc.health-band': {
      excellent: 'Excellent',
      good: 'Bon',
      at_risk: 'À risque',
      critical: 'Critique',
    },
    'calc.segment': {
      enterprise: 'Grands comptes',
      mid_market: 'ETI',
      smb: 'PME',
    },
    'calc.summary': {
      periodAll: 'Toute la période',
      onTrackFigure: '{done} sur {total}',
      onTrackWords: 'objectifs en bonne voie ou dépassés',
      valueWords: 'de valeur annuelle estimée apportée',
      atRiskWords: { one: 'objectif à risque', other: 'objectifs à risque' },
    },
  },
};
