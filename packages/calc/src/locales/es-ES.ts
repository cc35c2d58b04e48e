import type { Translation } from '../catalogue.js';

/**
 * calc's shared words in Español (es-ES): statuses, bands, segments and the executive summary
 * (the derivation texts are apart, in `./explain-es-ES`).
 * The elements' and the reports' own translations for es-ES build on this one.
 *
 * @example
 * import { registerTranslation, vocabulary } from '@cscx/success-calc/i18n';
 * import { esES } from '@cscx/success-calc/locales/es-ES';
 * registerTranslation(esES);
 * vocabulary('es-ES').goalStatus('on_track'); // 'En curso'
 */
export const esES: Translation = {
  locale: 'es-ES',
  name: 'Español',
  messages: {
    'calc.status': {
      not_started: 'No iniciado',
      on_track: 'En curso',
      at_risk: 'En riesgo',
      achieved: 'Logrado',
      exceeded: 'Superado',
      missed: 'No alcanzado',
      not_met: 'No cumplido',
      planned: 'Planificado',
      no_data: 'Sin datos',
    },
    'calc.band': {
      strong: 'Sólido',
      moderate: 'Moderado',
      weak: 'Débil',
    },
    'calc.health-band': {
      excellent: 'Excelente',
      good: 'Bueno',
      at_risk: 'En riesgo',
      critical: 'Crítico',
    },
    'calc.segment': {
      enterprise: 'Gran empresa',
      mid_market: 'Mediana empresa',
      smb: 'Pyme',
    },
    'calc.summary': {
      periodAll: 'Todo el período',
      onTrackFigure: '{done} de {total}',
      onTrackWords: 'objetivos en curso o superados',
      valueWords: 'de valor anual estimado entregado',
      atRiskWords: { one: 'objetivo en riesgo', other: 'objetivos en riesgo' },
    },
    'calc.recommendation': {
      team_training: 'Programar una sesión de formación del equipo',
      automation_opportunities: 'Identificar oportunidades de automatización',
      quick_win_automations: 'Implantar 3 automatizaciones rápidas',
      data_validation_training: 'Programar una formación en validación de datos',
      detractor_feedback: 'Revisar con el cliente los comentarios de los detractores',
      expansion_pipeline: 'Revisar la cartera de expansión con el equipo de cuenta',
      cost_drivers: 'Revisar los factores de coste con el cliente',
      process_bottlenecks: 'Identificar los cuellos de botella del proceso con el cliente',
      owner_review: 'Revisar las métricas rezagadas con el responsable del objetivo',
      target_timeline: 'Revisar la meta y el plazo con el cliente',
      record_values: 'Registrar valores actuales para las métricas sin datos',
      lagging: '{metric} al {percent} % de la meta',
      laggingNoPercent: '{metric} va con retraso',
      noValue: '{metric} no tiene valor actual',
      atRisk: '{goal} está en riesgo',
      missed: '{goal} pasó su fecha objetivo sin lograrse',
      metricN: 'Métrica {n}',
      theGoal: 'El objetivo',
      separator: '; ',
    },
  },
};
