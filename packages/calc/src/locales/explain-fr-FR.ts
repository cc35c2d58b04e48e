import type { Translation } from '../catalogue.js';

/**
 * calc's derivation texts and formula words in Français (fr-FR): the sentences of
 * `@cscx/success-calc/explain` (`calc.explain`), its failures' sentences (`calc.failure`) and its formulas in words
 * (`calc.formula`).
 * Apart from the shared words (`./fr-FR`): the API and the reports word explanations; a page
 * that only shows them as the API sent them never loads these.
 *
 * @example
 * import { registerTranslation } from '@cscx/success-calc/i18n';
 * import { explainFrFR } from '@cscx/success-calc/locales/explain-fr-FR';
 * import { formulaWords } from '@cscx/success-calc/explain';
 * registerTranslation(explainFrFR);
 * formulaWords('roi.percent', 'fr-FR');
 */
export const explainFrFR: Translation = {
  locale: 'fr-FR',
  name: 'Français',
  messages: {
    'calc.explain': {
      more: '… ({count} de plus)',
      listAnd: '{list} et {last}',
      listSeparator: ', ',
      or: ' ou ',
      leftOut: {
        one: '({count} sans progression non pris en compte)',
        other: '({count} sans progression non pris en compte)',
      },
      status_not_started: 'non commencé',
      status_on_track: 'en bonne voie',
      status_at_risk: 'à risque',
      status_achieved: 'atteint',
      status_exceeded: 'dépassé',
      status_exceeding: 'dépassé',
      status_missed: 'manqué',
      status_not_met: 'non atteint',
      band_strong: 'solide',
      band_moderate: 'moyen',
      band_weak: 'faible',
      health_excellent: 'excellent',
      health_good: 'bon',
      health_at_risk: 'à risque',
      health_critical: 'critique',
      direction_improving: 'en amélioration',
      direction_declining: 'en baisse',
      direction_flat: 'stable',
      progressRatio: '{numerator} / {denominator} × 100 = {percent}',
      noStatus: 'Aucun statut : la progression n’est pas calculable.',
      metricExceeding: '{percent} ≥ {exceeding} % : dépassé',
      metricOnTrack: '{onTrack} % ≤ {percent} < {exceeding} % : en bonne voie',
      metricAtRisk: '{atRisk} % ≤ {percent} < {onTrack} % : à risque',
      metricNotMet: '{percent} < {atRisk} % : non atteint',
      changeNone: 'Aucune évolution : il faut deux mesures et une première valeur différente de 0.',
      trendLine:
        'Droite des moindres carrés sur {count} mesures en {days} jours : pente de {slope} par jour ({direction}).',
      forecastNone: {
        one: 'Aucune prévision : la droite des moindres carrés de {count} mesure ne se dirige pas vers la cible {target}.',
        other:
          'Aucune prévision : la droite des moindres carrés de {count} mesures ne se dirige pas vers la cible {target}.',
      },
      forecastOn: {
        one: 'La droite des moindres carrés de {count} mesure atteint la cible {target} le {date}.',
        other:
          'La droite des moindres carrés de {count} mesures atteint la cible {target} le {date}.',
      },
      forecastNoMetrics: 'Aucune prévision : l’objectif n’a pas d’indicateurs.',
      forecastMissing: {
        one: 'Aucune prévision : {missing} indicateur sur {count} n’en a pas.',
        other: 'Aucune prévision : {missing} indicateurs sur {count} n’en ont pas.',
      },
      forecastLatest: 'La plus tardive de {dates} = {latest}',
      noProgress: 'Aucune progression : aucun indicateur de l’objectif n’a encore de progression.',
      successScore: '{formula} sur 100 : {band}',
      expectedNone:
        'Aucune progression attendue : l’objectif doit avoir une date de début antérieure à sa date cible.',
      expected: 'Jours écoulés du {start} au {target} : {percent} de la période.',
      notStarted: 'Non commencé : avant la date de début, ou encore sans mesure ni progression.',
      goalAchieved: '{percent} ≥ 100 % : atteint',
      goalMissed: '{percent} < 100 % après la date cible {date} : manqué',
      noDatesOnTrack: '{percent} ≥ {threshold} % (sans dates) : en bonne voie',
      noDatesAtRisk: '{percent} < {threshold} % (sans dates) : à risque',
      expectedOnTrack: '{percent} ≥ attendu {expected} − {tolerance} points : en bonne voie',
      expectedAtRisk: '{percent} < attendu {expected} − {tolerance} points : à risque',
      measuredChange: '{change} d’évolution mesurée',
      noImprovement: '{change} : aucune amélioration, comptée comme 0',
      noMeasuredChange:
        'Aucune évolution mesurée : le levier de valeur n’est lié à aucun indicateur mesuré.',
      notComputable: 'Non calculable.',
      linked: '{from} → {to} mesuré donne {change} par unité ; ',
      hoursTimesUnits: '{hours} h × {units} par mois',
      hoursPerMonth: '{hours} h par mois',
      timeValue: '{monthly} × {rate}/h = {perMonth}/mois, × 12 = {annual} par an',
      timeHours: '{monthly} × 12 = {hours} h par an',
      noRate: '(pas de taux horaire : aucun montant compté)',
      statedAmount: 'montant déclaré de {amount} par an',
      moneyNoHours: '{hours} h : un montant financier n’économise pas d’heures',
      monthlyAmount: '{perMonth}/mois × 12 = {annual} par an',
      annualAmount: '{annual} par an, comme déclaré',
      noDrivers: 'Aucun levier de valeur : {total}',
      roiMultiplier: '{value} / {investment} = {multiplier} (affiché {shown})',
      noGoals: 'Aucun objectif : pas de taux de réussite.',
      countAll: { one: '{count} objectif au total', other: '{count} objectifs au total' },
      countOf: {
        one: '{count} objectif sur {total} est {statuses}',
        other: '{count} objectifs sur {total} sont {statuses}',
      },
      peerAverage: 'Moyenne de {count} pairs du segment = {average}',
      noPercentile: 'Aucun percentile : le client n’a pas de valeur à comparer.',
      percentile: '({below} + {ties} / 2) / {peers} × 100 = {percent}',
      peersBelow: { one: '{count} pair en dessous', other: '{count} pairs en dessous' },
      ties: { one: '{count} égalité', other: '{count} égalités' },
      peers: { one: '{count} pair', other: '{count} pairs' },
      benchmarkValueNone: '{label} : non calculable pour ce client, donc pas de percentile.',
      benchmarkValue: '{label} sur toute la durée du contrat = {value}',
      healthScore: '({terms}) / {total} = {score} sur 100 : {band} ({band} à partir de {minimum})',
      healthScoreCritical:
        '({terms}) / {total} = {score} sur 100 : {band} ({band} en dessous de {minimum})',
      outcomesGoals: 'atteinte des objectifs {value}',
      outcomesRoi: 'ROI réalisé {value} ({multiplier}x)',
      outcomesRoiCapped: 'ROI réalisé {value} ({multiplier}x, plafonné à 1x)',
      outcomesMilestones: 'jalons réalisés {value} ({achieved} sur {due} échus)',
      outcomesMean: 'Moyenne de {parts} = {score}',
      scoreOn: '{score} le {date}',
      scoreDrop: 'Le score a baissé de {drop} points, de {from} à {to} (plus de {threshold}).',
      bandEntered: 'Le niveau est passé à {band} : {fromBand} à {from}, {band} à {to}.',
      consecutiveDecline: {
        one: 'Le score a baissé {count} fois de suite, de {from} à {to} ({drop} points au total).',
        other:
          'Le score a baissé {count} fois de suite, de {from} à {to} ({drop} points au total).',
      },
      rollupNoRoi:
        'Aucun compte dans cette devise n’a un investissement supérieur à 0 : pas de ROI.',
      rollupNoScore:
        'Aucun compte dans cette devise n’a à la fois un score et un investissement supérieur à 0 : pas de score.',
      kpiMissing: 'Non enregistré pour cette période.',
      kpiRating: ' ; {rating} ({thresholds}, {direction})',
      kpiTarget: 'cible {value}',
      kpiMinimum: 'minimum {value}',
      kpiBestInClass: 'meilleur de sa catégorie {value}',
      lowerIsBetter: 'plus bas est meilleur',
      higherIsBetter: 'plus haut est meilleur',
      rating_best_in_class: 'meilleur de sa catégorie',
      rating_on_target: 'conforme à la cible',
      rating_acceptable: 'acceptable',
      rating_below_minimum: 'sous le minimum',
      kpiChurn: '{lost} perdus / {atStart} au début × 100 = {percent}',
      kpiClv: '{revenue} × {margin} / {churn} = {value} (une durée de vie de {periods} périodes)',
      kpiCacPayback: '{cac} / ({revenue} × {margin}) = {months} mois',
      kpiNps:
        '({promoters} promoteurs − {detractors} détracteurs) / {count} réponses × 100 = {score}',
      kpiMeanAnswers: 'Moyenne de {count} réponses sur l’échelle {scale} = {average}',
      kpiCsatPercent: '{counts} satisfaits (4 ou 5) = {satisfied} / {count} × 100 = {percent}',
      kpiTickets: '{part} / {total} tickets × 100 = {percent}',
      kpiAht: '{minutes} min / {tickets} tickets = {average} min',
      kpiTtr: '{hours} h / {tickets} tickets résolus = {average} h',
    },
    'calc.failure': {
      baseline_missing: 'Référence non définie. Impossible de calculer la progression.',
      target_equals_baseline:
        'La cible est égale à la référence. Définissez une cible différente de la référence.',
      direction_conflict_above:
        'Sens contradictoire : la cible est au-dessus de la référence. Corrigez le sens ou la cible.',
      direction_conflict_below:
        'Sens contradictoire : la cible est en dessous de la référence. Corrigez le sens ou la cible.',
      direction_unknown: 'Sens non défini. Indiquez si plus haut ou plus bas est meilleur.',
      current_missing:
        'Aucune mesure pour l’instant. Saisissez une valeur actuelle pour calculer la progression.',
      no_investment:
        'Aucun investissement enregistré. Renseignez l’investissement du client pour calculer le ROI.',
      not_enough_points_one_date:
        'Une tendance nécessite au moins 2 mesures à des dates différentes ; toutes ont la même date. Saisissez-en d’autres.',
      no_peers: 'Aucune valeur de pairs à comparer. Ajoutez des pairs du même segment.',
      no_goals: 'Aucun objectif de réussite défini.',
      no_progress:
        'Aucun objectif n’a encore de progression. Saisissez les références et les valeurs actuelles.',
      invalid_weights:
        'Toutes les pondérations valent 0. Donnez à l’une une pondération supérieure à 0.',
      no_baseline:
        'Référence non définie. Impossible de mesurer l’évolution dont provient la valeur.',
      no_measurement:
        'Aucune mesure pour l’instant. La valeur compte dès que l’indicateur est mesuré.',
      no_improvement:
        'Aucune amélioration par rapport à la référence pour l’instant : une évolution qui s’éloigne de la cible compte pour 0, pas comme une valeur négative.',
      goal_not_measured:
        'Aucune mesure pour l’instant. La valeur compte comme apportée dès qu’un indicateur de l’objectif est mesuré ; d’ici là, elle est prévisionnelle.',
      no_inputs:
        'Aucun résultat business connu : aucun objectif avec progression, aucun ROI et aucun jalon échu. Indiquez des résultats.',
    },
    'calc.formula': {
      'metric_progress.baseline_relative':
        'Progression = (valeur actuelle − référence) / (cible − référence) × 100.',
      'metric_progress.ratio':
        'Progression = valeur actuelle / cible × 100 (cible / valeur actuelle quand plus bas est meilleur).',
      metric_status:
        'Statut : dépassé à partir de 100 %, en bonne voie à 75 %, à risque à 40 %, sinon non atteint.',
      'trend.least_squares':
        'Tendance = pente de la droite des moindres carrés passant par les mesures, par jour.',
      'trend.change_pct':
        'Évolution = (dernière − première) / |première| × 100, de la première à la dernière mesure.',
      'forecast.least_squares':
        'Prévision = le jour où la droite des moindres carrés des mesures atteint la cible.',
      'forecast.latest':
        'Prévision d’un objectif = la plus tardive des prévisions de ses indicateurs (aucune tant qu’un indicateur n’en a pas).',
      'goal_progress.weighted_mean':
        'Progression de l’objectif = Σ (progression de l’indicateur × pondération) / Σ pondération sur les indicateurs de l’objectif.',
      goal_status:
        'Statut : atteint à partir de 100 % ; manqué après la date cible ; en bonne voie à attendu − 10 points ou plus (75 % sans dates) ; sinon à risque ; non commencé avant la date de début ou sans mesure.',
      'goal_status.expected_pct':
        'Attendu = jours écoulés depuis la date de début / jours entre le début et la cible × 100.',
      'value.time_saved':
        'Valeur du temps = heures par unité × unités par mois × taux horaire, × 12 pour l’année (un indicateur lié donne les heures : référence − valeur actuelle).',
      'value.stated_amount':
        'Valeur = le montant mensuel déclaré × 12, ou le montant annuel déclaré.',
      'value.sum':
        'Somme sur les leviers de valeur des objectifs mesurés (les objectifs non mesurés n’ajoutent rien).',
      'value.total':
        'Valeur totale = valeur du temps + réduction des coûts + impact sur le chiffre d’affaires, annualisée.',
      'roi.multiplier': 'Multiplicateur de ROI = valeur totale / investissement.',
      'roi.percent': 'ROI = valeur totale / investissement × 100.',
      'roi.net_return': 'Rendement net = (valeur totale − investissement) / investissement × 100.',
      success_score:
        'Score de réussite = Σ (progression de l’objectif plafonnée à 0..100 × pondération) / Σ pondération ; solide à 80, moyen à 60.',
      'goal_counts.achievement_rate': 'Taux de réussite = objectifs atteints / objectifs × 100.',
      'goal_counts.count':
        'Nombre d’objectifs ayant les statuts indiqués (statut à la fin de la période).',
      'benchmark.value':
        'Le propre chiffre du client sur toute la durée de son contrat (période `all`), comme pour ses pairs.',
      'benchmark.peer_average': 'Moyenne des pairs = moyenne des autres clients du même segment.',
      'benchmark.percentile':
        'Percentile = (pairs en dessous + la moitié des égalités) / pairs × 100.',
      health_score:
        'Score de santé = (utilisation × 40 + résultats × 25 + relation × 20 + croissance × 15) / Σ pondérations, chaque composante de 0..100 (le modèle du segment peut modifier les pondérations) ; excellent à 90, bon à 70, à risque à 50, sinon critique.',
      health_outcomes:
        'Résultats business = moyenne des parties connues : atteinte des objectifs (score de réussite), ROI réalisé (min(multiplicateur de ROI, 1) × 100), jalons réalisés (atteints / échus × 100).',
      'health_trigger.score_drop':
        'Chute du score : le score a baissé de plus que le seuil (20 points) d’une observation à la suivante.',
      'health_trigger.entered_at_risk':
        'Entrée en zone orange : le niveau est passé d’excellent ou bon à à risque.',
      'health_trigger.entered_critical':
        'Entrée en zone rouge : le niveau est passé de n’importe quel autre niveau à critique.',
      'health_trigger.consecutive_decline':
        'Baisse continue : le score a baissé à chacune des n dernières observations (3 par défaut).',
      'kpi.nrr': 'NRR = (ARR initial + expansion − contraction − attrition) / ARR initial × 100.',
      'kpi.grr': 'GRR = (ARR initial − contraction − attrition) / ARR initial × 100.',
      'kpi.churn_rate':
        'Taux d’attrition = clients perdus pendant la période / clients à son début × 100.',
      'kpi.clv': 'CLV = revenu moyen par client × marge brute / taux d’attrition (même période).',
      'kpi.cac_payback':
        'Retour sur CAC = coût d’acquisition / (revenu récurrent mensuel × marge brute en %), en mois.',
      'kpi.csat': 'CSAT = réponse moyenne sur l’échelle 1-5.',
      'kpi.csat_percent': 'CSAT % = réponses satisfaites (4 ou 5) / toutes les réponses × 100.',
      'kpi.nps': 'NPS = (promoteurs (9-10) − détracteurs (0-6)) / réponses × 100.',
      'kpi.ces': 'CES = réponse moyenne sur l’échelle 1-7.',
      'kpi.fcr': 'FCR = tickets résolus au premier contact / tous les tickets × 100.',
      'kpi.sla_compliance':
        'Respect des SLA = tickets respectant leur SLA / tous les tickets × 100.',
      'kpi.aht': 'AHT = total des minutes de traitement / tickets traités.',
      'kpi.ttr': 'TTR = total des heures jusqu’à résolution / tickets résolus, par gravité.',
      'rollup.value':
        'Valeur d’un compte parent dans une devise = Σ valeur apportée par lui et ses comptes enfants dans cette devise ; jamais additionnée entre devises.',
      'rollup.roi_weighted':
        'ROI d’un compte parent = Σ valeur / Σ investissement sur lui et ses comptes enfants ayant un investissement supérieur à 0 (leurs ROI pondérés par l’investissement), par devise.',
      'rollup.score_weighted':
        'Score de réussite d’un compte parent = Σ (score × investissement) / Σ investissement sur lui et ses comptes enfants ayant un score et un investissement supérieur à 0, par devise.',
    },
  },
};
