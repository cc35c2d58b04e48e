import type { Translation } from '../catalogue.js';

/**
 * calc's shared words in Français (fr-FR): statuses, bands, segments and the executive summary
 * (the derivation texts are apart, in `./explain-fr-FR`).
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
    'calc.recommendation': {
      team_training: 'Planifier une formation de l’équipe',
      automation_opportunities: 'Identifier les possibilités d’automatisation',
      quick_win_automations: 'Mettre en place 3 automatisations rapides',
      data_validation_training: 'Planifier une formation à la validation des données',
      detractor_feedback: 'Examiner les retours des détracteurs avec le client',
      expansion_pipeline: 'Examiner le pipeline d’expansion avec l’équipe commerciale',
      cost_drivers: 'Examiner les facteurs de coût avec le client',
      process_bottlenecks: 'Cartographier les goulets d’étranglement avec le client',
      owner_review: 'Examiner les indicateurs en retard avec le responsable de l’objectif',
      target_timeline: 'Revoir la cible et le calendrier avec le client',
      record_values: 'Saisir les valeurs actuelles des indicateurs sans données',
      lagging: '{metric} à {percent} % de la cible',
      laggingNoPercent: '{metric} est en retard',
      noValue: '{metric} n’a pas de valeur actuelle',
      atRisk: '{goal} est à risque',
      missed: '{goal} a dépassé sa date cible sans être atteint',
      metricN: 'Indicateur {n}',
      theGoal: 'L’objectif',
      separator: ' ; ',
    },
  },
};
