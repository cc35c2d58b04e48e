import type { Translation } from '../catalogue.js';

/**
 * calc's derivation texts and formula words in Deutsch (de-DE): the sentences of
 * `@cscx/success-calc/explain` (`calc.explain`), its failures' sentences (`calc.failure`) and its formulas in words
 * (`calc.formula`).
 * Apart from the shared words (`./de-DE`): the API and the reports word explanations; a page
 * that only shows them as the API sent them never loads these.
 *
 * @example
 * import { registerTranslation } from '@cscx/success-calc/i18n';
 * import { explainDeDE } from '@cscx/success-calc/locales/explain-de-DE';
 * import { formulaWords } from '@cscx/success-calc/explain';
 * registerTranslation(explainDeDE);
 * formulaWords('roi.percent', 'de-DE');
 */
export const explainDeDE: Translation = {
  locale: 'de-DE',
  name: 'Deutsch',
  messages: {
    'calc.explain': {
      more: '… ({count} weitere)',
      listAnd: '{list} und {last}',
      listSeparator: ', ',
      or: ' oder ',
      leftOut: '({count} ohne Fortschritt nicht berücksichtigt)',
      status_not_started: 'nicht begonnen',
      status_on_track: 'im Plan',
      status_at_risk: 'gefährdet',
      status_achieved: 'erreicht',
      status_exceeded: 'übertroffen',
      status_exceeding: 'übertroffen',
      status_missed: 'verfehlt',
      status_not_met: 'nicht erfüllt',
      band_strong: 'stark',
      band_moderate: 'mittel',
      band_weak: 'schwach',
      health_excellent: 'ausgezeichnet',
      health_good: 'gut',
      health_at_risk: 'gefährdet',
      health_critical: 'kritisch',
      direction_improving: 'Verbesserung',
      direction_declining: 'Verschlechterung',
      direction_flat: 'unverändert',
      progressRatio: '{numerator} / {denominator} × 100 = {percent}',
      noStatus: 'Kein Status: Der Fortschritt ist nicht berechenbar.',
      metricExceeding: '{percent} ≥ {exceeding} %: übertroffen',
      metricOnTrack: '{onTrack} % ≤ {percent} < {exceeding} %: im Plan',
      metricAtRisk: '{atRisk} % ≤ {percent} < {onTrack} %: gefährdet',
      metricNotMet: '{percent} < {atRisk} %: nicht erfüllt',
      changeNone:
        'Keine Veränderung: Dafür sind zwei Messungen und ein erster Wert ungleich 0 nötig.',
      trendLine:
        'Kleinste-Quadrate-Gerade durch {count} Messungen über {days} Tage: Steigung {slope} pro Tag ({direction}).',
      forecastNone: {
        one: 'Keine Prognose: Die Kleinste-Quadrate-Gerade von {count} Messung läuft nicht auf den Zielwert {target} zu.',
        other:
          'Keine Prognose: Die Kleinste-Quadrate-Gerade von {count} Messungen läuft nicht auf den Zielwert {target} zu.',
      },
      forecastOn: {
        one: 'Die Kleinste-Quadrate-Gerade von {count} Messung erreicht den Zielwert {target} am {date}.',
        other:
          'Die Kleinste-Quadrate-Gerade von {count} Messungen erreicht den Zielwert {target} am {date}.',
      },
      forecastNoMetrics: 'Keine Prognose: Das Ziel hat keine Kennzahlen.',
      forecastMissing: {
        one: 'Keine Prognose: Für {missing} von {count} Kennzahl fehlt sie.',
        other: 'Keine Prognose: Für {missing} von {count} Kennzahlen fehlt sie.',
      },
      forecastLatest: 'Spätestes Datum von {dates} = {latest}',
      noProgress: 'Kein Fortschritt: Noch keine Kennzahl des Ziels hat einen Fortschritt.',
      successScore: '{formula} von 100: {band}',
      expectedNone:
        'Kein erwarteter Fortschritt: Das Ziel braucht ein Startdatum vor seinem Zieldatum.',
      expected: 'Verstrichene Tage von {start} bis {target}: {percent} des Zeitraums.',
      notStarted: 'Nicht begonnen: vor dem Startdatum oder noch ohne Messung oder Fortschritt.',
      goalAchieved: '{percent} ≥ 100 %: erreicht',
      goalMissed: '{percent} < 100 % nach dem Zieldatum {date}: verfehlt',
      noDatesOnTrack: '{percent} ≥ {threshold} % (ohne Termine): im Plan',
      noDatesAtRisk: '{percent} < {threshold} % (ohne Termine): gefährdet',
      expectedOnTrack: '{percent} ≥ erwartet {expected} − {tolerance} Punkte: im Plan',
      expectedAtRisk: '{percent} < erwartet {expected} − {tolerance} Punkte: gefährdet',
      measuredChange: '{change} gemessene Veränderung',
      noImprovement: '{change}: keine Verbesserung, als 0 gezählt',
      noMeasuredChange:
        'Keine gemessene Veränderung: Der Werttreiber ist mit keiner gemessenen Kennzahl verknüpft.',
      notComputable: 'Nicht berechenbar.',
      linked: '{from} → {to} gemessen ergibt {change} pro Einheit; ',
      hoursTimesUnits: '{hours} h × {units} pro Monat',
      hoursPerMonth: '{hours} h pro Monat',
      timeValue: '{monthly} × {rate}/h = {perMonth}/Monat, × 12 = {annual} pro Jahr',
      timeHours: '{monthly} × 12 = {hours} h pro Jahr',
      noRate: '(kein Stundensatz: kein Geldbetrag gezählt)',
      statedAmount: 'angegebener Betrag {amount} pro Jahr',
      moneyNoHours: '{hours} h: Ein Geldbetrag spart keine Stunden',
      monthlyAmount: '{perMonth}/Monat × 12 = {annual} pro Jahr',
      annualAmount: '{annual} pro Jahr laut Angabe',
      noDrivers: 'Keine Werttreiber: {total}',
      roiMultiplier: '{value} / {investment} = {multiplier} (angezeigt {shown})',
      noGoals: 'Keine Ziele: keine Zielerreichungsquote.',
      countAll: { one: '{count} Ziel insgesamt', other: '{count} Ziele insgesamt' },
      countOf: {
        one: '{count} von {total} Zielen ist {statuses}',
        other: '{count} von {total} Zielen sind {statuses}',
      },
      peerAverage: 'Mittelwert von {count} Vergleichskunden des Segments = {average}',
      noPercentile: 'Kein Perzentil: Der Kunde hat keinen Wert zum Vergleich.',
      percentile: '({below} + {ties} / 2) / {peers} × 100 = {percent}',
      peersBelow: {
        one: '{count} Vergleichskunde darunter',
        other: '{count} Vergleichskunden darunter',
      },
      ties: { one: '{count} Gleichstand', other: '{count} Gleichstände' },
      peers: { one: '{count} Vergleichskunde', other: '{count} Vergleichskunden' },
      benchmarkValueNone: '{label}: für diesen Kunden nicht berechenbar, daher kein Perzentil.',
      benchmarkValue: '{label} über die gesamte Vertragslaufzeit = {value}',
      healthScore: '({terms}) / {total} = {score} von 100: {band} ({band} ab {minimum})',
      healthScoreCritical: '({terms}) / {total} = {score} von 100: {band} ({band} unter {minimum})',
      outcomesGoals: 'Zielerreichung {value}',
      outcomesRoi: 'ROI-Realisierung {value} ({multiplier}x)',
      outcomesRoiCapped: 'ROI-Realisierung {value} ({multiplier}x, begrenzt auf 1x)',
      outcomesMilestones: 'Meilensteinabschluss {value} ({achieved} von {due} fällig)',
      outcomesMean: 'Mittelwert aus {parts} = {score}',
      scoreOn: '{score} am {date}',
      scoreDrop: 'Der Score fiel um {drop} Punkte, von {from} auf {to} (mehr als {threshold}).',
      bandEntered: 'Die Stufe wechselte zu {band}: {fromBand} bei {from}, {band} bei {to}.',
      consecutiveDecline:
        'Der Score fiel {count} Mal in Folge, von {from} auf {to} (insgesamt {drop} Punkte).',
      rollupNoRoi: 'Kein Account in dieser Währung hat eine Investition über 0: kein ROI.',
      rollupNoScore:
        'Kein Account in dieser Währung hat sowohl einen Score als auch eine Investition über 0: kein Score.',
      kpiMissing: 'Für diesen Zeitraum nicht erfasst.',
      kpiRating: '; {rating} ({thresholds}, {direction})',
      kpiTarget: 'Zielwert {value}',
      kpiMinimum: 'Minimum {value}',
      kpiBestInClass: 'Best-in-Class {value}',
      lowerIsBetter: 'niedriger ist besser',
      higherIsBetter: 'höher ist besser',
      rating_best_in_class: 'Best-in-Class',
      rating_on_target: 'im Zielbereich',
      rating_acceptable: 'akzeptabel',
      rating_below_minimum: 'unter dem Minimum',
      kpiChurn: '{lost} verloren / {atStart} zu Beginn × 100 = {percent}',
      kpiClv: '{revenue} × {margin} / {churn} = {value} (eine Lebensdauer von {periods} Perioden)',
      kpiCacPayback: '{cac} / ({revenue} × {margin}) = {months} Monate',
      kpiNps:
        '({promoters} Promotoren − {detractors} Kritiker) / {count} Antworten × 100 = {score}',
      kpiMeanAnswers: 'Mittelwert von {count} Antworten auf der Skala {scale} = {average}',
      kpiCsatPercent: '{counts} zufrieden (4 oder 5) = {satisfied} / {count} × 100 = {percent}',
      kpiTickets: '{part} / {total} Tickets × 100 = {percent}',
      kpiAht: '{minutes} min / {tickets} Tickets = {average} min',
      kpiTtr: '{hours} h / {tickets} gelöste Tickets = {average} h',
    },
    'calc.failure': {
      baseline_missing: 'Kein Ausgangswert gesetzt. Der Fortschritt kann nicht berechnet werden.',
      target_equals_baseline:
        'Zielwert gleich Ausgangswert. Setzen Sie einen Zielwert, der vom Ausgangswert abweicht.',
      direction_conflict_above:
        'Widersprüchliche Richtung: Der Zielwert liegt über dem Ausgangswert. Korrigieren Sie die Richtung oder den Zielwert.',
      direction_conflict_below:
        'Widersprüchliche Richtung: Der Zielwert liegt unter dem Ausgangswert. Korrigieren Sie die Richtung oder den Zielwert.',
      direction_unknown:
        'Keine Richtung gesetzt. Legen Sie fest, ob höher oder niedriger besser ist.',
      current_missing:
        'Noch keine Messung. Erfassen Sie einen aktuellen Wert, um den Fortschritt zu berechnen.',
      no_investment:
        'Keine Investition erfasst. Hinterlegen Sie die Investition des Kunden, um den ROI zu berechnen.',
      not_enough_points_one_date:
        'Ein Trend braucht mindestens 2 Messungen an verschiedenen Tagen; alle liegen am selben Tag. Erfassen Sie weitere.',
      no_peers:
        'Keine Vergleichswerte vorhanden. Fügen Sie Vergleichskunden desselben Segments hinzu.',
      no_goals: 'Keine Erfolgsziele definiert.',
      no_progress:
        'Noch kein Ziel hat einen Fortschritt. Erfassen Sie Ausgangswerte und aktuelle Werte.',
      invalid_weights: 'Alle Gewichtungen sind 0. Geben Sie einer eine Gewichtung über 0.',
      no_baseline:
        'Kein Ausgangswert gesetzt. Die Veränderung, aus der der Wert entsteht, kann nicht gemessen werden.',
      no_measurement: 'Noch keine Messung. Der Wert zählt, sobald die Kennzahl gemessen ist.',
      no_improvement:
        'Noch keine Verbesserung gegenüber dem Ausgangswert: Eine Veränderung weg vom Zielwert zählt als 0, nicht als negativer Wert.',
      goal_not_measured:
        'Noch keine Messung. Der Wert zählt als erbracht, sobald eine Kennzahl des Ziels gemessen ist; bis dahin ist er eine Prognose.',
      no_inputs:
        'Keine Geschäftsergebnisse bekannt: kein Ziel mit Fortschritt, kein ROI und kein fälliger Meilenstein. Geben Sie Ergebnisse an.',
    },
    'calc.formula': {
      'metric_progress.baseline_relative':
        'Fortschritt = (aktueller Wert − Ausgangswert) / (Zielwert − Ausgangswert) × 100.',
      'metric_progress.ratio':
        'Fortschritt = aktueller Wert / Zielwert × 100 (Zielwert / aktueller Wert, wenn niedriger besser ist).',
      metric_status:
        'Status: übertroffen ab 100 %, im Plan ab 75 %, gefährdet ab 40 %, sonst nicht erfüllt.',
      'trend.least_squares':
        'Trend = Steigung der Kleinste-Quadrate-Geraden durch die Messungen, pro Tag.',
      'trend.change_pct':
        'Veränderung = (letzter − erster Wert) / |erster Wert| × 100, von der ersten bis zur letzten Messung.',
      'forecast.least_squares':
        'Prognose = der Tag, an dem die Kleinste-Quadrate-Gerade der Messungen den Zielwert erreicht.',
      'forecast.latest':
        'Prognose eines Ziels = die späteste Prognose seiner Kennzahlen (keine, solange eine Kennzahl keine hat).',
      'goal_progress.weighted_mean':
        'Zielfortschritt = Σ (Fortschritt der Kennzahl × Gewichtung) / Σ Gewichtung über die Kennzahlen des Ziels.',
      goal_status:
        'Status: erreicht ab 100 %; verfehlt nach dem Zieldatum; im Plan ab erwartet − 10 Punkte (75 % ohne Termine); sonst gefährdet; nicht begonnen vor dem Startdatum oder ohne Messung.',
      'goal_status.expected_pct':
        'Erwartet = seit dem Startdatum verstrichene Tage / Tage vom Start bis zum Zieldatum × 100.',
      'value.time_saved':
        'Zeitwert = Stunden pro Einheit × Einheiten pro Monat × Stundensatz, × 12 für das Jahr (eine verknüpfte Kennzahl liefert die Stunden: Ausgangswert − aktueller Wert).',
      'value.stated_amount':
        'Wert = der angegebene Monatsbetrag × 12 oder der angegebene Jahresbetrag.',
      'value.sum':
        'Summe über die Werttreiber gemessener Ziele (nicht gemessene Ziele tragen nichts bei).',
      'value.total':
        'Gesamtwert = Zeitwert + Kostensenkung + Umsatzwirkung, auf das Jahr gerechnet.',
      'roi.multiplier': 'ROI-Faktor = Gesamtwert / Investition.',
      'roi.percent': 'ROI = Gesamtwert / Investition × 100.',
      'roi.net_return': 'Nettorendite = (Gesamtwert − Investition) / Investition × 100.',
      success_score:
        'Erfolgsscore = Σ (Zielfortschritt begrenzt auf 0..100 × Gewichtung) / Σ Gewichtung; stark ab 80, mittel ab 60.',
      'goal_counts.achievement_rate': 'Zielerreichungsquote = erreichte Ziele / Ziele × 100.',
      'goal_counts.count':
        'Anzahl der Ziele mit den genannten Status (Status zum Ende des Zeitraums).',
      'benchmark.value':
        'Der eigene Wert des Kunden über die gesamte Vertragslaufzeit (Zeitraum `all`), wie bei den Vergleichskunden.',
      'benchmark.peer_average':
        'Peer-Durchschnitt = Mittelwert über die anderen Kunden desselben Segments.',
      'benchmark.percentile':
        'Perzentil = (Vergleichskunden darunter + die Hälfte der Gleichstände) / Vergleichskunden × 100.',
      health_score:
        'Health-Score = (Nutzung × 40 + Ergebnisse × 25 + Beziehung × 20 + Wachstum × 15) / Σ Gewichtungen, jede Komponente 0..100 (das Modell des Segments kann die Gewichtungen ändern); ausgezeichnet ab 90, gut ab 70, gefährdet ab 50, sonst kritisch.',
      health_outcomes:
        'Geschäftsergebnisse = Mittelwert der bekannten Teile: Zielerreichung (Erfolgsscore), realisierter ROI (min(ROI-Faktor, 1) × 100), abgeschlossene Meilensteine (erreicht / fällig × 100).',
      'health_trigger.score_drop':
        'Score-Einbruch: Der Score fiel von einer Beobachtung zur nächsten um mehr als den Schwellenwert (20 Punkte).',
      'health_trigger.entered_at_risk':
        'Eintritt in die orange Zone: Die Stufe wechselte von ausgezeichnet oder gut zu gefährdet.',
      'health_trigger.entered_critical':
        'Eintritt in die rote Zone: Die Stufe wechselte von einer anderen Stufe zu kritisch.',
      'health_trigger.consecutive_decline':
        'Anhaltender Rückgang: Der Score fiel in jeder der letzten n Beobachtungen (standardmäßig 3).',
      'kpi.nrr':
        'NRR = (ARR zu Beginn + Expansion − Kontraktion − Abwanderung) / ARR zu Beginn × 100.',
      'kpi.grr': 'GRR = (ARR zu Beginn − Kontraktion − Abwanderung) / ARR zu Beginn × 100.',
      'kpi.churn_rate':
        'Abwanderungsrate = im Zeitraum verlorene Kunden / Kunden zu seinem Beginn × 100.',
      'kpi.clv':
        'CLV = durchschnittlicher Umsatz pro Kunde × Bruttomarge / Abwanderungsrate (gleicher Zeitraum).',
      'kpi.cac_payback':
        'CAC-Amortisation = Akquisitionskosten / (monatlich wiederkehrender Umsatz × Bruttomarge in %), in Monaten.',
      'kpi.csat': 'CSAT = mittlere Antwort auf der Skala 1-5.',
      'kpi.csat_percent': 'CSAT % = zufriedene Antworten (4 oder 5) / alle Antworten × 100.',
      'kpi.nps': 'NPS = (Promotoren (9-10) − Kritiker (0-6)) / Antworten × 100.',
      'kpi.ces': 'CES = mittlere Antwort auf der Skala 1-7.',
      'kpi.fcr': 'FCR = beim ersten Kontakt gelöste Tickets / alle Tickets × 100.',
      'kpi.sla_compliance': 'SLA-Einhaltung = Tickets innerhalb ihres SLA / alle Tickets × 100.',
      'kpi.aht': 'AHT = gesamte Bearbeitungsminuten / bearbeitete Tickets.',
      'kpi.ttr': 'TTR = gesamte Stunden bis zur Lösung / gelöste Tickets, je Schweregrad.',
      'rollup.value':
        'Wert eines übergeordneten Accounts in einer Währung = Σ erbrachter Wert von ihm und seinen untergeordneten Accounts in dieser Währung; nie über Währungen hinweg addiert.',
      'rollup.roi_weighted':
        'ROI eines übergeordneten Accounts = Σ Wert / Σ Investition über ihn und seine untergeordneten Accounts mit einer Investition über 0 (ihre ROIs nach Investition gewichtet), je Währung.',
      'rollup.score_weighted':
        'Erfolgsscore eines übergeordneten Accounts = Σ (Score × Investition) / Σ Investition über ihn und seine untergeordneten Accounts mit Score und einer Investition über 0, je Währung.',
    },
  },
};
