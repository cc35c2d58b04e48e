import type { Translation } from '../catalogue.js';

/**
 * calc's derivation texts and formula words in 日本語 (ja-JP): the sentences of
 * `@cscx/success-calc/explain` (`calc.explain`), its failures' sentences (`calc.failure`) and its formulas in words
 * (`calc.formula`).
 * Apart from the shared words (`./ja-JP`): the API and the reports word explanations; a page
 * that only shows them as the API sent them never loads these.
 *
 * @example
 * import { registerTranslation } from '@cscx/success-calc/i18n';
 * import { explainJaJP } from '@cscx/success-calc/locales/explain-ja-JP';
 * import { formulaWords } from '@cscx/success-calc/explain';
 * registerTranslation(explainJaJP);
 * formulaWords('roi.percent', 'ja-JP');
 */
export const explainJaJP: Translation = {
  locale: 'ja-JP',
  name: '日本語',
  messages: {
    'calc.explain': {
      more: '…（ほか {count} 件）',
      listAnd: '{list}、{last}',
      listSeparator: '、',
      or: 'または',
      leftOut: '（進捗のない {count} 件は除外）',
      status_not_started: '未着手',
      status_on_track: '順調',
      status_at_risk: 'リスクあり',
      status_achieved: '達成',
      status_exceeded: '超過達成',
      status_exceeding: '超過達成',
      status_missed: '期限内未達',
      status_not_met: '基準未達',
      band_strong: '良好',
      band_moderate: '普通',
      band_weak: '弱い',
      health_excellent: '優良',
      health_good: '良好',
      health_at_risk: 'リスクあり',
      health_critical: '危機的',
      direction_improving: '改善中',
      direction_declining: '悪化中',
      direction_flat: '横ばい',
      progressRatio: '{numerator} / {denominator} × 100 = {percent}',
      noStatus: 'ステータスなし：進捗を計算できません。',
      metricExceeding: '{percent} ≥ {exceeding} %：超過達成',
      metricOnTrack: '{onTrack} % ≤ {percent} < {exceeding} %：順調',
      metricAtRisk: '{atRisk} % ≤ {percent} < {onTrack} %：リスクあり',
      metricNotMet: '{percent} < {atRisk} %：基準未達',
      changeNone: '変化なし：2 件の測定値と、0 以外の最初の値が必要です。',
      trendLine:
        '{days} 日間の {count} 件の測定値を通る最小二乗直線：傾きは 1 日あたり {slope}（{direction}）。',
      forecastNone:
        '予測なし：{count} 件の測定値の最小二乗直線は目標値 {target} に向かっていません。',
      forecastOn: '{count} 件の測定値の最小二乗直線は {date} に目標値 {target} に達します。',
      forecastNoMetrics: '予測なし：この目標には指標がありません。',
      forecastMissing: '予測なし：{count} 件の指標のうち {missing} 件に予測がありません。',
      forecastLatest: '{dates} のうち最も遅い日 = {latest}',
      noProgress: '進捗なし：この目標の指標にはまだ進捗がありません。',
      successScore: '{formula}（100 点満点）：{band}',
      expectedNone: '期待進捗なし：目標には目標日より前の開始日が必要です。',
      expected: '{start} から {target} までの経過日数：期間の {percent}。',
      notStarted: '未着手：開始日より前、または測定値や進捗がまだありません。',
      goalAchieved: '{percent} ≥ 100 %：達成',
      goalMissed: '目標日 {date} 後に {percent} < 100 %：期限内未達',
      noDatesOnTrack: '{percent} ≥ {threshold} %（日付なし）：順調',
      noDatesAtRisk: '{percent} < {threshold} %（日付なし）：リスクあり',
      expectedOnTrack: '{percent} ≥ 期待値 {expected} − {tolerance} ポイント：順調',
      expectedAtRisk: '{percent} < 期待値 {expected} − {tolerance} ポイント：リスクあり',
      measuredChange: '測定された変化 {change}',
      noImprovement: '{change}：改善なしのため 0 として計上',
      noMeasuredChange:
        '測定された変化なし：この価値ドライバーは測定済みの指標に紐づいていません。',
      notComputable: '計算できません。',
      linked: '{from} → {to} の測定から 1 単位あたり {change}；',
      hoursTimesUnits: '{hours} 時間 × 月 {units} 件',
      hoursPerMonth: '月 {hours} 時間',
      timeValue: '{monthly} × {rate}/時間 = 月 {perMonth}、× 12 = 年 {annual}',
      timeHours: '{monthly} × 12 = 年 {hours} 時間',
      noRate: '（時間単価なし：金額は計上されません）',
      statedAmount: '記載金額 年 {amount}',
      moneyNoHours: '{hours} 時間：金額による価値は時間を節約しません',
      monthlyAmount: '月 {perMonth} × 12 = 年 {annual}',
      annualAmount: '記載どおり年 {annual}',
      noDrivers: '価値ドライバーなし：{total}',
      roiMultiplier: '{value} / {investment} = {multiplier}（表示は {shown}）',
      noGoals: '目標なし：達成率はありません。',
      countAll: '目標は全部で {count} 件',
      countOf: '{total} 件中 {count} 件の目標が{statuses}',
      peerAverage: 'セグメントの同業 {count} 社の平均 = {average}',
      noPercentile: 'パーセンタイルなし：この顧客には比較する値がありません。',
      percentile: '（{below} + {ties} / 2）/ {peers} × 100 = {percent}',
      peersBelow: '下位の同業 {count} 社',
      ties: '同値 {count} 社',
      peers: '同業 {count} 社',
      benchmarkValueNone: '{label}：この顧客では計算できないため、パーセンタイルはありません。',
      benchmarkValue: '契約期間全体の{label} = {value}',
      healthScore: '（{terms}）/ {total} = {score}（100 点満点）：{band}（{minimum} 以上で{band}）',
      healthScoreCritical:
        '（{terms}）/ {total} = {score}（100 点満点）：{band}（{minimum} 未満で{band}）',
      outcomesGoals: '目標達成度 {value}',
      outcomesRoi: '実現 ROI {value}（{multiplier}x）',
      outcomesRoiCapped: '実現 ROI {value}（{multiplier}x、上限 1x）',
      outcomesMilestones: 'マイルストーン完了 {value}（期日到来 {due} 件中 {achieved} 件）',
      outcomesMean: '{parts} の平均 = {score}',
      scoreOn: '{date} の {score}',
      scoreDrop: 'スコアが {from} から {to} へ {drop} ポイント低下しました（{threshold} 超）。',
      bandEntered: 'ランクが{band}になりました：{from} で{fromBand}、{to} で{band}。',
      consecutiveDecline:
        'スコアが {count} 回連続で低下しました：{from} から {to} へ（合計 {drop} ポイント）。',
      rollupNoRoi: 'この通貨には投資額が 0 を超えるアカウントがありません：ROI なし。',
      rollupNoScore:
        'この通貨にはスコアと 0 を超える投資額の両方を持つアカウントがありません：スコアなし。',
      kpiMissing: 'この期間の記録はありません。',
      kpiRating: '；{rating}（{thresholds}、{direction}）',
      kpiTarget: '目標 {value}',
      kpiMinimum: '最低 {value}',
      kpiBestInClass: 'ベストインクラス {value}',
      lowerIsBetter: '低いほど良い',
      higherIsBetter: '高いほど良い',
      rating_best_in_class: 'ベストインクラス',
      rating_on_target: '目標どおり',
      rating_acceptable: '許容範囲',
      rating_below_minimum: '最低基準未満',
      kpiChurn: '失った顧客 {lost} / 期首の顧客 {atStart} × 100 = {percent}',
      kpiClv: '{revenue} × {margin} / {churn} = {value}（顧客生涯 {periods} 期間）',
      kpiCacPayback: '{cac} /（{revenue} × {margin}）= {months} か月',
      kpiNps: '（推奨者 {promoters} − 批判者 {detractors}）/ 回答 {count} 件 × 100 = {score}',
      kpiMeanAnswers: '{scale} の尺度での回答 {count} 件の平均 = {average}',
      kpiCsatPercent: '満足（4 または 5）{counts} = {satisfied} / {count} × 100 = {percent}',
      kpiTickets: '{part} / チケット {total} 件 × 100 = {percent}',
      kpiAht: '{minutes} 分 / チケット {tickets} 件 = {average} 分',
      kpiTtr: '{hours} 時間 / 解決済みチケット {tickets} 件 = {average} 時間',
    },
    'calc.failure': {
      baseline_missing: 'ベースラインが設定されていません。進捗を計算できません。',
      target_equals_baseline:
        '目標値がベースラインと同じです。ベースラインと異なる目標値を設定してください。',
      direction_conflict_above:
        '方向が矛盾しています：目標値がベースラインより上です。方向または目標値を修正してください。',
      direction_conflict_below:
        '方向が矛盾しています：目標値がベースラインより下です。方向または目標値を修正してください。',
      direction_unknown:
        '方向が設定されていません。高いほど良いか低いほど良いかを設定してください。',
      current_missing: 'まだ測定値がありません。進捗を計算するには現在値を記録してください。',
      no_investment:
        '投資額が記録されていません。ROI を計算するには顧客の投資額を設定してください。',
      not_enough_points_one_date:
        'トレンドには異なる日付の測定値が 2 件以上必要ですが、すべて同じ日付です。さらに記録してください。',
      no_peers: '比較する同業の値がありません。同じセグメントの同業を追加してください。',
      no_goals: 'サクセス目標が定義されていません。',
      no_progress: 'まだ進捗のある目標がありません。ベースラインと現在値を記録してください。',
      invalid_weights: 'すべての重みが 0 です。いずれかに 0 より大きい重みを設定してください。',
      no_baseline: 'ベースラインが設定されていません。価値の元になる変化を測定できません。',
      no_measurement: 'まだ測定値がありません。指標が測定されると価値が計上されます。',
      no_improvement:
        'まだベースラインからの改善がありません：目標から遠ざかる変化は負の価値ではなく 0 として計上されます。',
      goal_not_measured:
        'まだ測定値がありません。目標の指標が測定されると提供価値として計上され、それまでは予測値です。',
      no_inputs:
        'ビジネス成果が不明です：進捗のある目標、ROI、期日到来のマイルストーンがいずれもありません。成果を入力してください。',
    },
    'calc.formula': {
      'metric_progress.baseline_relative':
        '進捗 =（現在値 − ベースライン）/（目標値 − ベースライン）× 100。',
      'metric_progress.ratio':
        '進捗 = 現在値 / 目標値 × 100（低いほど良い場合は 目標値 / 現在値）。',
      metric_status:
        'ステータス：100 % 以上で超過達成、75 % で順調、40 % でリスクあり、それ以外は基準未達。',
      'trend.least_squares': 'トレンド = 測定値を通る最小二乗直線の傾き（日単位）。',
      'trend.change_pct': '変化 =（最後 − 最初）/ |最初| × 100、最初の測定値から最後の測定値まで。',
      'forecast.least_squares': '予測 = 測定値の最小二乗直線が目標値に達する日。',
      'forecast.latest':
        '目標の予測 = 指標の予測のうち最も遅いもの（予測のない指標がある間はなし）。',
      'goal_progress.weighted_mean':
        '目標の進捗 = Σ（指標の進捗 × 重み）/ Σ 重み（目標の指標全体）。',
      goal_status:
        'ステータス：100 % 以上で達成；目標日を過ぎたら期限内未達；期待値 − 10 ポイント以上で順調（日付がなければ 75 %）；それ以外はリスクあり；開始日より前または測定値がなければ未着手。',
      'goal_status.expected_pct':
        '期待値 = 開始日からの経過日数 / 開始日から目標日までの日数 × 100。',
      'value.time_saved':
        '時間価値 = 単位あたりの時間 × 月あたりの単位数 × 時間単価、年間は × 12（紐づいた指標が時間を示す：ベースライン − 現在値）。',
      'value.stated_amount': '価値 = 記載の月額 × 12、または記載の年額。',
      'value.sum': '測定済みの目標の価値ドライバーの合計（未測定の目標は加算しない）。',
      'value.total': '総価値 = 時間価値 + コスト削減 + 売上への効果（年換算）。',
      'roi.multiplier': 'ROI 倍率 = 総価値 / 投資額。',
      'roi.percent': 'ROI = 総価値 / 投資額 × 100。',
      'roi.net_return': '純リターン =（総価値 − 投資額）/ 投資額 × 100。',
      success_score:
        'サクセススコア = Σ（0..100 に収めた目標の進捗 × 重み）/ Σ 重み；80 で良好、60 で普通。',
      'goal_counts.achievement_rate': '達成率 = 達成した目標 / 目標 × 100。',
      'goal_counts.count': '指定したステータスの目標の数（期間末時点のステータス）。',
      'benchmark.value': '契約期間全体（期間 `all`）での顧客自身の数値。同業他社と同じ条件。',
      'benchmark.peer_average': '同業平均 = 同じセグメントの他の顧客の平均。',
      'benchmark.percentile': 'パーセンタイル =（下位の同業 + 同値の半数）/ 同業 × 100。',
      health_score:
        'ヘルススコア =（利用 × 40 + 成果 × 25 + 関係性 × 20 + 成長 × 15）/ Σ 重み、各要素は 0..100（セグメントのモデルで重みが変わる場合あり）；90 で優良、70 で良好、50 でリスクあり、それ以外は危機的。',
      health_outcomes:
        'ビジネス成果 = 判明している要素の平均：目標達成度（サクセススコア）、実現 ROI（min(ROI 倍率, 1) × 100）、マイルストーン完了（達成 / 期日到来 × 100）。',
      'health_trigger.score_drop':
        'スコア急落：ある観測から次の観測までにスコアがしきい値（20 ポイント）を超えて低下。',
      'health_trigger.entered_at_risk':
        'オレンジゾーン入り：ランクが優良または良好からリスクありになった。',
      'health_trigger.entered_critical': 'レッドゾーン入り：ランクが他のランクから危機的になった。',
      'health_trigger.consecutive_decline':
        '連続低下：直近 n 回の観測のすべてでスコアが低下（既定は 3 回）。',
      'kpi.nrr': 'NRR =（期首 ARR + 拡大 − 縮小 − 解約）/ 期首 ARR × 100。',
      'kpi.grr': 'GRR =（期首 ARR − 縮小 − 解約）/ 期首 ARR × 100。',
      'kpi.churn_rate': '解約率 = 期間中に失った顧客 / 期首の顧客 × 100。',
      'kpi.clv': 'CLV = 顧客あたり平均売上 × 粗利率 / 解約率（同じ期間）。',
      'kpi.cac_payback': 'CAC 回収期間 = 獲得コスト /（月次経常収益 × 粗利率 %）、月数。',
      'kpi.csat': 'CSAT = 1-5 の尺度での回答の平均。',
      'kpi.csat_percent': 'CSAT % = 満足の回答（4 または 5）/ 全回答 × 100。',
      'kpi.nps': 'NPS =（推奨者 (9-10) − 批判者 (0-6)）/ 回答数 × 100。',
      'kpi.ces': 'CES = 1-7 の尺度での回答の平均。',
      'kpi.fcr': 'FCR = 初回対応で解決したチケット / 全チケット × 100。',
      'kpi.sla_compliance': 'SLA 遵守率 = SLA を満たしたチケット / 全チケット × 100。',
      'kpi.aht': 'AHT = 対応時間（分）の合計 / 対応したチケット。',
      'kpi.ttr': 'TTR = 解決までの時間の合計 / 解決したチケット（重大度別）。',
      'rollup.value':
        '親アカウントの通貨ごとの価値 = Σ その通貨での親と子アカウントの提供価値；通貨をまたいで合算しない。',
      'rollup.roi_weighted':
        '親アカウントの ROI = Σ 価値 / Σ 投資額（親と、投資額が 0 を超える子アカウント。各 ROI を投資額で加重）、通貨ごと。',
      'rollup.score_weighted':
        '親アカウントのサクセススコア = Σ（スコア × 投資額）/ Σ 投資額（親と、スコアと 0 を超える投資額を持つ子アカウント）、通貨ごと。',
    },
  },
};
