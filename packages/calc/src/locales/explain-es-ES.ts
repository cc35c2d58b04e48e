import type { Translation } from '../catalogue.js';

/**
 * calc's derivation texts and formula words in Español (es-ES): the sentences of
 * `@cscx/success-calc/explain` (`calc.explain`), its failures' sentences (`calc.failure`) and its formulas in words
 * (`calc.formula`).
 * Apart from the shared words (`./es-ES`): the API and the reports word explanations; a page
 * that only shows them as the API sent them never loads these.
 *
 * @example
 * import { registerTranslation } from '@cscx/success-calc/i18n';
 * import { explainEsES } from '@cscx/success-calc/locales/explain-es-ES';
 * import { formulaWords } from '@cscx/success-calc/explain';
 * registerTranslation(explainEsES);
 * formulaWords('roi.percent', 'es-ES');
 */
export const explainEsES: Translation = {
  locale: 'es-ES',
  name: 'Español',
  messages: {
    'calc.explain': {
      more: '… ({count} más)',
      listAnd: '{list} y {last}',
      listSeparator: ', ',
      or: ' o ',
      leftOut: '({count} sin progreso no considerados)',
      status_not_started: 'no iniciado',
      status_on_track: 'en curso',
      status_at_risk: 'en riesgo',
      status_achieved: 'logrado',
      status_exceeded: 'superado',
      status_exceeding: 'superado',
      status_missed: 'no alcanzado',
      status_not_met: 'no cumplido',
      band_strong: 'sólido',
      band_moderate: 'moderado',
      band_weak: 'débil',
      health_excellent: 'excelente',
      health_good: 'bueno',
      health_at_risk: 'en riesgo',
      health_critical: 'crítico',
      direction_improving: 'mejorando',
      direction_declining: 'empeorando',
      direction_flat: 'estable',
      progressRatio: '{numerator} / {denominator} × 100 = {percent}',
      noStatus: 'Sin estado: el progreso no se puede calcular.',
      metricExceeding: '{percent} ≥ {exceeding} %: superado',
      metricOnTrack: '{onTrack} % ≤ {percent} < {exceeding} %: en curso',
      metricAtRisk: '{atRisk} % ≤ {percent} < {onTrack} %: en riesgo',
      metricNotMet: '{percent} < {atRisk} %: no cumplido',
      changeNone: 'Sin variación: se necesitan dos mediciones y un primer valor distinto de 0.',
      trendLine:
        'Recta de mínimos cuadrados a través de {count} mediciones en {days} días: pendiente de {slope} por día ({direction}).',
      forecastNone: {
        one: 'Sin previsión: la recta de mínimos cuadrados de {count} medición no se dirige a la meta {target}.',
        other:
          'Sin previsión: la recta de mínimos cuadrados de {count} mediciones no se dirige a la meta {target}.',
      },
      forecastOn: {
        one: 'La recta de mínimos cuadrados de {count} medición alcanza la meta {target} el {date}.',
        other:
          'La recta de mínimos cuadrados de {count} mediciones alcanza la meta {target} el {date}.',
      },
      forecastNoMetrics: 'Sin previsión: el objetivo no tiene métricas.',
      forecastMissing: {
        one: 'Sin previsión: {missing} de {count} métrica no la tiene.',
        other: 'Sin previsión: {missing} de {count} métricas no la tienen.',
      },
      forecastLatest: 'La más tardía de {dates} = {latest}',
      noProgress: 'Sin progreso: ninguna métrica del objetivo tiene progreso todavía.',
      successScore: '{formula} de 100: {band}',
      expectedNone:
        'Sin progreso esperado: el objetivo necesita una fecha de inicio anterior a su fecha objetivo.',
      expected: 'Días transcurridos del {start} al {target}: {percent} del plazo.',
      notStarted: 'No iniciado: antes de la fecha de inicio, o aún sin medición ni progreso.',
      goalAchieved: '{percent} ≥ 100 %: logrado',
      goalMissed: '{percent} < 100 % después de la fecha objetivo {date}: no alcanzado',
      noDatesOnTrack: '{percent} ≥ {threshold} % (sin fechas): en curso',
      noDatesAtRisk: '{percent} < {threshold} % (sin fechas): en riesgo',
      expectedOnTrack: '{percent} ≥ esperado {expected} − {tolerance} puntos: en curso',
      expectedAtRisk: '{percent} < esperado {expected} − {tolerance} puntos: en riesgo',
      measuredChange: '{change} de variación medida',
      noImprovement: '{change}: sin mejora, se cuenta como 0',
      noMeasuredChange:
        'Sin variación medida: el impulsor de valor no está vinculado a una métrica medida.',
      notComputable: 'No calculable.',
      linked: '{from} → {to} medido da {change} por unidad; ',
      hoursTimesUnits: '{hours} h × {units} al mes',
      hoursPerMonth: '{hours} h al mes',
      timeValue: '{monthly} × {rate}/h = {perMonth}/mes, × 12 = {annual} al año',
      timeHours: '{monthly} × 12 = {hours} h al año',
      noRate: '(sin tarifa por hora: no se cuenta dinero)',
      statedAmount: 'importe declarado de {amount} al año',
      moneyNoHours: '{hours} h: un importe monetario no ahorra horas',
      monthlyAmount: '{perMonth}/mes × 12 = {annual} al año',
      annualAmount: '{annual} al año según lo declarado',
      noDrivers: 'Sin impulsores de valor: {total}',
      roiMultiplier: '{value} / {investment} = {multiplier} (se muestra {shown})',
      noGoals: 'Sin objetivos: no hay tasa de logro.',
      countAll: { one: '{count} objetivo en total', other: '{count} objetivos en total' },
      countOf: {
        one: '{count} de {total} objetivos está {statuses}',
        other: '{count} de {total} objetivos están {statuses}',
      },
      peerAverage: {
        one: 'Media de {count} par del segmento = {average}',
        other: 'Media de {count} pares del segmento = {average}',
      },
      noPercentile: 'Sin percentil: el cliente no tiene un valor que comparar.',
      percentile: '({below} + {ties} / 2) / {peers} × 100 = {percent}',
      peersBelow: { one: '{count} par por debajo', other: '{count} pares por debajo' },
      ties: { one: '{count} empate', other: '{count} empates' },
      peers: { one: '{count} par', other: '{count} pares' },
      benchmarkValueNone: '{label}: no calculable para este cliente, así que no hay percentil.',
      benchmarkValue: '{label} durante todo el contrato = {value}',
      healthScore: '({terms}) / {total} = {score} de 100: {band} ({band} desde {minimum})',
      healthScoreCritical:
        '({terms}) / {total} = {score} de 100: {band} ({band} por debajo de {minimum})',
      outcomesGoals: 'logro de objetivos {value}',
      outcomesRoi: 'ROI realizado {value} ({multiplier}x)',
      outcomesRoiCapped: 'ROI realizado {value} ({multiplier}x, limitado a 1x)',
      outcomesMilestones: 'hitos completados {value} ({achieved} de {due} vencidos)',
      outcomesMean: 'Media de {parts} = {score}',
      scoreOn: '{score} el {date}',
      scoreDrop: 'La puntuación bajó {drop} puntos, de {from} a {to} (más de {threshold}).',
      bandEntered: 'El nivel pasó a {band}: {fromBand} con {from}, {band} con {to}.',
      consecutiveDecline: {
        one: 'La puntuación bajó {count} vez seguida, de {from} a {to} ({drop} puntos en total).',
        other:
          'La puntuación bajó {count} veces seguidas, de {from} a {to} ({drop} puntos en total).',
      },
      rollupNoRoi: 'Ninguna cuenta en esta moneda tiene una inversión superior a 0: no hay ROI.',
      rollupNoScore:
        'Ninguna cuenta en esta moneda tiene a la vez una puntuación y una inversión superior a 0: no hay puntuación.',
      kpiMissing: 'No registrado en este período.',
      kpiRating: '; {rating} ({thresholds}, {direction})',
      kpiTarget: 'meta {value}',
      kpiMinimum: 'mínimo {value}',
      kpiBestInClass: 'el mejor de su clase {value}',
      lowerIsBetter: 'más bajo es mejor',
      higherIsBetter: 'más alto es mejor',
      rating_best_in_class: 'el mejor de su clase',
      rating_on_target: 'en la meta',
      rating_acceptable: 'aceptable',
      rating_below_minimum: 'por debajo del mínimo',
      kpiChurn: '{lost} perdidos / {atStart} al inicio × 100 = {percent}',
      kpiClv: '{revenue} × {margin} / {churn} = {value} (una vida de {periods} períodos)',
      kpiCacPayback: '{cac} / ({revenue} × {margin}) = {months} meses',
      kpiNps:
        '({promoters} promotores − {detractors} detractores) / {count} respuestas × 100 = {score}',
      kpiMeanAnswers: 'Media de {count} respuestas en la escala {scale} = {average}',
      kpiCsatPercent: '{counts} satisfechos (4 o 5) = {satisfied} / {count} × 100 = {percent}',
      kpiTickets: '{part} / {total} tickets × 100 = {percent}',
      kpiAht: '{minutes} min / {tickets} tickets = {average} min',
      kpiTtr: '{hours} h / {tickets} tickets resueltos = {average} h',
    },
    'calc.failure': {
      baseline_missing: 'Línea base no definida. No se puede calcular el progreso.',
      target_equals_baseline:
        'La meta es igual a la línea base. Defina una meta distinta de la línea base.',
      direction_conflict_above:
        'Dirección contradictoria: la meta está por encima de la línea base. Corrija la dirección o la meta.',
      direction_conflict_below:
        'Dirección contradictoria: la meta está por debajo de la línea base. Corrija la dirección o la meta.',
      direction_unknown: 'Dirección no definida. Indique si más alto o más bajo es mejor.',
      current_missing: 'Aún no hay medición. Registre un valor actual para calcular el progreso.',
      no_investment:
        'No hay inversión registrada. Indique la inversión del cliente para calcular el ROI.',
      not_enough_points_one_date:
        'Una tendencia necesita al menos 2 mediciones en fechas distintas; todas tienen la misma fecha. Registre más.',
      no_peers: 'No hay valores de pares con los que comparar. Añada pares del mismo segmento.',
      no_goals: 'No hay objetivos de éxito definidos.',
      no_progress:
        'Ningún objetivo tiene progreso todavía. Registre líneas base y valores actuales.',
      invalid_weights: 'Todas las ponderaciones son 0. Dé a una una ponderación superior a 0.',
      no_baseline:
        'Línea base no definida. No se puede medir la variación de la que procede el valor.',
      no_measurement: 'Aún no hay medición. El valor cuenta cuando se mide la métrica.',
      no_improvement:
        'Aún no hay mejora respecto a la línea base: una variación que se aleja de la meta cuenta como 0, no como valor negativo.',
      goal_not_measured:
        'Aún no hay medición. El valor cuenta como entregado cuando se mide una métrica del objetivo; hasta entonces es una previsión.',
      no_inputs:
        'No se conocen resultados de negocio: ningún objetivo con progreso, ningún ROI y ningún hito vencido. Indique resultados.',
    },
    'calc.formula': {
      'metric_progress.baseline_relative':
        'Progreso = (valor actual − línea base) / (meta − línea base) × 100.',
      'metric_progress.ratio':
        'Progreso = valor actual / meta × 100 (meta / valor actual cuando más bajo es mejor).',
      metric_status:
        'Estado: superado desde el 100 %, en curso desde el 75 %, en riesgo desde el 40 %; si no, no cumplido.',
      'trend.least_squares':
        'Tendencia = pendiente de la recta de mínimos cuadrados a través de las mediciones, por día.',
      'trend.change_pct':
        'Variación = (último − primero) / |primero| × 100, de la primera a la última medición.',
      'forecast.least_squares':
        'Previsión = el día en que la recta de mínimos cuadrados de las mediciones alcanza la meta.',
      'forecast.latest':
        'Previsión de un objetivo = la más tardía de las previsiones de sus métricas (ninguna mientras alguna métrica no la tenga).',
      'goal_progress.weighted_mean':
        'Progreso del objetivo = Σ (progreso de la métrica × ponderación) / Σ ponderación sobre las métricas del objetivo.',
      goal_status:
        'Estado: logrado desde el 100 %; no alcanzado después de la fecha objetivo; en curso desde lo esperado − 10 puntos (75 % sin fechas); si no, en riesgo; no iniciado antes de la fecha de inicio o sin medición.',
      'goal_status.expected_pct':
        'Esperado = días transcurridos desde la fecha de inicio / días del inicio a la meta × 100.',
      'value.time_saved':
        'Valor del tiempo = horas por unidad × unidades al mes × tarifa por hora, × 12 para el año (una métrica vinculada da las horas: línea base − valor actual).',
      'value.stated_amount':
        'Valor = el importe mensual declarado × 12, o el importe anual declarado.',
      'value.sum':
        'Suma de los impulsores de valor de los objetivos medidos (los objetivos sin medir no suman nada).',
      'value.total':
        'Valor total = valor del tiempo + reducción de costes + impacto en ingresos, anualizado.',
      'roi.multiplier': 'Multiplicador de ROI = valor total / inversión.',
      'roi.percent': 'ROI = valor total / inversión × 100.',
      'roi.net_return': 'Rentabilidad neta = (valor total − inversión) / inversión × 100.',
      success_score:
        'Puntuación de éxito = Σ (progreso del objetivo limitado a 0..100 × ponderación) / Σ ponderación; sólido desde 80, moderado desde 60.',
      'goal_counts.achievement_rate': 'Tasa de logro = objetivos logrados / objetivos × 100.',
      'goal_counts.count':
        'Número de objetivos con los estados indicados (estado al final del período).',
      'benchmark.value':
        'La cifra propia del cliente durante todo su contrato (período `all`), como las de sus pares.',
      'benchmark.peer_average':
        'Media de los pares = media de los demás clientes del mismo segmento.',
      'benchmark.percentile':
        'Percentil = (pares por debajo + la mitad de los empates) / pares × 100.',
      health_score:
        'Puntuación de salud = (uso × 40 + resultados × 25 + relación × 20 + crecimiento × 15) / Σ ponderaciones, cada componente de 0..100 (el modelo del segmento puede cambiar las ponderaciones); excelente desde 90, bueno desde 70, en riesgo desde 50; si no, crítico.',
      health_outcomes:
        'Resultados de negocio = media de las partes conocidas: logro de objetivos (puntuación de éxito), ROI realizado (min(multiplicador de ROI, 1) × 100), hitos completados (logrados / vencidos × 100).',
      'health_trigger.score_drop':
        'Caída de la puntuación: la puntuación bajó más que el umbral (20 puntos) de una observación a la siguiente.',
      'health_trigger.entered_at_risk':
        'Entrada en la zona naranja: el nivel pasó a en riesgo desde excelente o bueno.',
      'health_trigger.entered_critical':
        'Entrada en la zona roja: el nivel pasó a crítico desde cualquier otro nivel.',
      'health_trigger.consecutive_decline':
        'Descenso continuado: la puntuación bajó en cada una de las últimas n observaciones (3 por defecto).',
      'kpi.nrr': 'NRR = (ARR inicial + expansión − contracción − bajas) / ARR inicial × 100.',
      'kpi.grr': 'GRR = (ARR inicial − contracción − bajas) / ARR inicial × 100.',
      'kpi.churn_rate':
        'Tasa de abandono = clientes perdidos durante el período / clientes al inicio × 100.',
      'kpi.clv':
        'CLV = ingreso medio por cliente × margen bruto / tasa de abandono (mismo período).',
      'kpi.cac_payback':
        'Recuperación del CAC = coste de adquisición / (ingreso recurrente mensual × margen bruto %), en meses.',
      'kpi.csat': 'CSAT = respuesta media en la escala 1-5.',
      'kpi.csat_percent': 'CSAT % = respuestas satisfechas (4 o 5) / todas las respuestas × 100.',
      'kpi.nps': 'NPS = (promotores (9-10) − detractores (0-6)) / respuestas × 100.',
      'kpi.ces': 'CES = respuesta media en la escala 1-7.',
      'kpi.fcr': 'FCR = tickets resueltos en el primer contacto / todos los tickets × 100.',
      'kpi.sla_compliance':
        'Cumplimiento del SLA = tickets que cumplen su SLA / todos los tickets × 100.',
      'kpi.aht': 'AHT = minutos totales de gestión / tickets gestionados.',
      'kpi.ttr': 'TTR = horas totales hasta la resolución / tickets resueltos, por gravedad.',
      'rollup.value':
        'Valor de una cuenta principal en una moneda = Σ valor entregado por ella y sus cuentas dependientes en esa moneda; nunca se suma entre monedas.',
      'rollup.roi_weighted':
        'ROI de una cuenta principal = Σ valor / Σ inversión sobre ella y sus cuentas dependientes con una inversión superior a 0 (sus ROI ponderados por inversión), por moneda.',
      'rollup.score_weighted':
        'Puntuación de éxito de una cuenta principal = Σ (puntuación × inversión) / Σ inversión sobre ella y sus cuentas dependientes con puntuación e inversión superior a 0, por moneda.',
    },
  },
};
