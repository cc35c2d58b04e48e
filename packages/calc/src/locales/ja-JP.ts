import type { Translation } from '../catalogue.js';

/**
 * calc's shared words in 日本語 (ja-JP): statuses, bands, segments and the executive summary
 * (the derivation texts are apart, in `./explain-ja-JP`).
 * The elements' and the reports' own translations for ja-JP build on this one.
 *
 * @example
 * import { registerTranslation, vocabulary } from '@cscx/success-calc/i18n';
 * import { jaJP } from '@cscx/success-calc/locales/ja-JP';
 * registerTranslation(jaJP);
 * vocabulary('ja-JP').goalStatus('on_track'); // '順調'
 */
export const jaJP: Translation = {
  locale: 'ja-JP',
  name: '日本語',
  messages: {
    'calc.status': {
      not_started: '未着手',
      on_track: '順調',
      at_risk: 'リスクあり',
      achieved: '達成',
      exceeded: '超過達成',
      missed: '期限内未達',
      not_met: '基準未達',
      planned: '予定',
      no_data: 'データなし',
    },
    'calc.band': {
      strong: '良好',
      moderate: '普通',
      weak: '弱い',
    },
    'calc.health-band': {
      excellent: '優良',
      good: '良好',
      at_risk: 'リスクあり',
      critical: '危機的',
    },
    'calc.segment': {
      enterprise: 'エンタープライズ',
      mid_market: '中堅企業',
      smb: '中小企業',
    },
    'calc.summary': {
      periodAll: '全期間',
      onTrackFigure: '{total}件中{done}件',
      onTrackWords: 'の目標が順調または超過達成',
      valueWords: 'の推定年間提供価値',
      atRiskWords: { other: '件の目標がリスクあり' },
    },
    'calc.recommendation': {
      team_training: 'チーム研修を計画する',
      automation_opportunities: '自動化の機会を特定する',
      quick_win_automations: 'すぐに効果の出る自動化を3件導入する',
      data_validation_training: 'データ検証の研修を計画する',
      detractor_feedback: '批判者のフィードバックを顧客と確認する',
      expansion_pipeline: 'アカウントチームと拡大パイプラインを確認する',
      cost_drivers: 'コスト要因を顧客と確認する',
      process_bottlenecks: 'プロセスのボトルネックを顧客と洗い出す',
      owner_review: '遅れている指標を目標責任者と確認する',
      target_timeline: '目標値とスケジュールを顧客と見直す',
      record_values: 'データのない指標の現在値を記録する',
      lagging: '{metric} は目標の {percent} %',
      laggingNoPercent: '{metric} は遅れています',
      noValue: '{metric} に現在値がありません',
      atRisk: '{goal} はリスクがあります',
      missed: '{goal} は未達成のまま目標日を過ぎました',
      metricN: '指標 {n}',
      theGoal: 'この目標',
      separator: '、',
    },
  },
};
