// The API's own sentences about KPIs and health that a dashboard shows as they come (a KPI's
// `reason` when it cannot be computed, the `note` of a customer without observations), in the
// kit's message catalogue so they answer in the request's negotiated language (`Content-Language`)
// as the explanations do. `{period}` is a month as the API writes it (`2026-03`).
import {
  defineMessages,
  fillText,
  messagesFor,
  registerTranslation,
} from '@cscx/success-calc/i18n';

/** The sentences, domain `server.kpi`. */
export const KPI_TEXT_MESSAGES = defineMessages('server.kpi', {
  noArr: 'No ARR movements recorded for {period}.',
  noArrYear: 'No ARR movements recorded in the 12 months to {period}.',
  noTickets: 'No ticket outcomes recorded for {period}.',
  noCritical: 'No critical tickets resolved in {period}.',
  noHigh: 'No high tickets resolved in {period}.',
  noMedium: 'No medium tickets resolved in {period}.',
  noLow: 'No low tickets resolved in {period}.',
  noMargin: 'No gross margin recorded for {period}.',
  noSegmentRate: 'No annual churn of the segment to divide by: {reason}',
  noSegmentChurn: 'No churn recorded for the segment in the 12 months to {period}.',
  segmentNoChurn:
    'The segment lost no ARR in the 12 months to {period}: with no churn, lifetime value is unbounded.',
  noCac: 'No acquisition cost recorded for {period}.',
  noCsat: 'No CSAT answers recorded for {period}.',
  noNps: 'No NPS answers recorded for {period}.',
  noCes: 'No CES answers recorded for {period}.',
  thisMonth: 'this month',
  noObservations: 'No KPI observations recorded for this customer yet.',
  noObservation: 'No KPI observation recorded for {period}.',
  perCustomer:
    'Per customer only (each has its own gross margin and acquisition cost): see getCustomerKpis.',
  mixedCurrencies:
    'ARR is in {count} currencies ({currencies}), never added across them: see by_currency.',
  noHealth: 'No health observation recorded yet. Record one to get a health score.',
});

type Key = keyof typeof KPI_TEXT_MESSAGES.en;

/**
 * One sentence in `locale` (English for none or an unshipped one; accented for the pseudo-locale).
 *
 * @example
 * kpiText('noCsat', { period: '2026-03' }, 'de-DE'); // 'Keine CSAT-Antworten für 2026-03 erfasst.'
 */
export function kpiText(
  key: Key,
  values: Readonly<Record<string, string | number>> = {},
  locale?: string,
): string {
  return fillText(messagesFor(KPI_TEXT_MESSAGES, locale)[key], values, locale);
}

registerTranslation(
  {
    locale: 'de-DE',
    name: 'Deutsch',
    messages: {
      'server.kpi': {
        noArr: 'Keine ARR-Bewegungen für {period} erfasst.',
        noArrYear: 'Keine ARR-Bewegungen in den 12 Monaten bis {period} erfasst.',
        noTickets: 'Keine Ticket-Ergebnisse für {period} erfasst.',
        noCritical: 'Keine kritischen Tickets in {period} gelöst.',
        noHigh: 'Keine Tickets hoher Priorität in {period} gelöst.',
        noMedium: 'Keine Tickets mittlerer Priorität in {period} gelöst.',
        noLow: 'Keine Tickets niedriger Priorität in {period} gelöst.',
        noMargin: 'Keine Bruttomarge für {period} erfasst.',
        noSegmentRate: 'Keine jährliche Abwanderung des Segments zum Teilen: {reason}',
        noSegmentChurn: 'Keine Abwanderung des Segments in den 12 Monaten bis {period} erfasst.',
        segmentNoChurn:
          'Das Segment hat in den 12 Monaten bis {period} keinen ARR verloren: ohne Abwanderung ist der Lifetime Value unbegrenzt.',
        noCac: 'Keine Akquisitionskosten für {period} erfasst.',
        noCsat: 'Keine CSAT-Antworten für {period} erfasst.',
        noNps: 'Keine NPS-Antworten für {period} erfasst.',
        noCes: 'Keine CES-Antworten für {period} erfasst.',
        thisMonth: 'diesen Monat',
        noObservations: 'Für diesen Kunden sind noch keine KPI-Beobachtungen erfasst.',
        noObservation: 'Keine KPI-Beobachtung für {period} erfasst.',
        perCustomer:
          'Nur je Kunde (jeder hat eigene Bruttomarge und Akquisitionskosten): siehe getCustomerKpis.',
        mixedCurrencies:
          'ARR liegt in {count} Währungen vor ({currencies}) und wird nie über sie addiert: siehe by_currency.',
        noHealth:
          'Noch keine Health-Beobachtung erfasst. Erfassen Sie eine, um einen Health-Score zu erhalten.',
      },
    },
  },
  {
    locale: 'fr-FR',
    name: 'Français',
    messages: {
      'server.kpi': {
        noArr: 'Aucun mouvement d’ARR enregistré pour {period}.',
        noArrYear: 'Aucun mouvement d’ARR enregistré sur les 12 mois jusqu’à {period}.',
        noTickets: 'Aucun résultat de ticket enregistré pour {period}.',
        noCritical: 'Aucun ticket critique résolu en {period}.',
        noHigh: 'Aucun ticket de priorité haute résolu en {period}.',
        noMedium: 'Aucun ticket de priorité moyenne résolu en {period}.',
        noLow: 'Aucun ticket de priorité basse résolu en {period}.',
        noMargin: 'Aucune marge brute enregistrée pour {period}.',
        noSegmentRate: 'Aucune attrition annuelle du segment par laquelle diviser : {reason}',
        noSegmentChurn:
          'Aucune attrition enregistrée pour le segment sur les 12 mois jusqu’à {period}.',
        segmentNoChurn:
          'Le segment n’a perdu aucun ARR sur les 12 mois jusqu’à {period} : sans attrition, la valeur vie client est illimitée.',
        noCac: 'Aucun coût d’acquisition enregistré pour {period}.',
        noCsat: 'Aucune réponse CSAT enregistrée pour {period}.',
        noNps: 'Aucune réponse NPS enregistrée pour {period}.',
        noCes: 'Aucune réponse CES enregistrée pour {period}.',
        thisMonth: 'ce mois-ci',
        noObservations: 'Aucune observation de KPI enregistrée pour ce client pour l’instant.',
        noObservation: 'Aucune observation de KPI enregistrée pour {period}.',
        perCustomer:
          'Par client uniquement (chacun a sa marge brute et son coût d’acquisition) : voir getCustomerKpis.',
        mixedCurrencies:
          'L’ARR est en {count} devises ({currencies}), jamais additionnées entre elles : voir by_currency.',
        noHealth:
          'Aucune observation de santé enregistrée pour l’instant. Enregistrez-en une pour obtenir un score de santé.',
      },
    },
  },
  {
    locale: 'es-ES',
    name: 'Español',
    messages: {
      'server.kpi': {
        noArr: 'No hay movimientos de ARR registrados para {period}.',
        noArrYear: 'No hay movimientos de ARR registrados en los 12 meses hasta {period}.',
        noTickets: 'No hay resultados de tickets registrados para {period}.',
        noCritical: 'No se resolvieron tickets críticos en {period}.',
        noHigh: 'No se resolvieron tickets de prioridad alta en {period}.',
        noMedium: 'No se resolvieron tickets de prioridad media en {period}.',
        noLow: 'No se resolvieron tickets de prioridad baja en {period}.',
        noMargin: 'No hay margen bruto registrado para {period}.',
        noSegmentRate: 'No hay abandono anual del segmento por el que dividir: {reason}',
        noSegmentChurn: 'No hay abandono registrado del segmento en los 12 meses hasta {period}.',
        segmentNoChurn:
          'El segmento no perdió ARR en los 12 meses hasta {period}: sin abandono, el valor de vida del cliente es ilimitado.',
        noCac: 'No hay coste de adquisición registrado para {period}.',
        noCsat: 'No hay respuestas CSAT registradas para {period}.',
        noNps: 'No hay respuestas NPS registradas para {period}.',
        noCes: 'No hay respuestas CES registradas para {period}.',
        thisMonth: 'este mes',
        noObservations: 'Todavía no hay observaciones de KPI registradas para este cliente.',
        noObservation: 'No hay observación de KPI registrada para {period}.',
        perCustomer:
          'Solo por cliente (cada uno tiene su margen bruto y su coste de adquisición): vea getCustomerKpis.',
        mixedCurrencies:
          'El ARR está en {count} monedas ({currencies}), nunca sumadas entre sí: vea by_currency.',
        noHealth:
          'Todavía no hay ninguna observación de salud registrada. Registre una para obtener una puntuación de salud.',
      },
    },
  },
  {
    locale: 'ja-JP',
    name: '日本語',
    messages: {
      'server.kpi': {
        noArr: '{period} の ARR の変動は記録されていません。',
        noArrYear: '{period} までの 12 か月間に ARR の変動は記録されていません。',
        noTickets: '{period} のチケットの結果は記録されていません。',
        noCritical: '{period} に解決された重大度「緊急」のチケットはありません。',
        noHigh: '{period} に解決された重大度「高」のチケットはありません。',
        noMedium: '{period} に解決された重大度「中」のチケットはありません。',
        noLow: '{period} に解決された重大度「低」のチケットはありません。',
        noMargin: '{period} の粗利益率は記録されていません。',
        noSegmentRate: '割る基準となるセグメントの年間解約率がありません: {reason}',
        noSegmentChurn: '{period} までの 12 か月間にセグメントの解約は記録されていません。',
        segmentNoChurn:
          'セグメントは {period} までの 12 か月間に ARR を失っていません: 解約がないため、顧客生涯価値は上限なしになります。',
        noCac: '{period} の獲得コストは記録されていません。',
        noCsat: '{period} の CSAT 回答は記録されていません。',
        noNps: '{period} の NPS 回答は記録されていません。',
        noCes: '{period} の CES 回答は記録されていません。',
        thisMonth: '今月',
        noObservations: 'この顧客の KPI 観測値はまだ記録されていません。',
        noObservation: '{period} の KPI 観測値は記録されていません。',
        perCustomer:
          '顧客ごとのみ（粗利益率と獲得コストは顧客ごとに異なります）: getCustomerKpis を参照してください。',
        mixedCurrencies:
          'ARR は {count} 通貨（{currencies}）にまたがり、通貨をまたいで合算されることはありません: by_currency を参照してください。',
        noHealth: 'ヘルスの観測値はまだ記録されていません。記録するとヘルススコアが得られます。',
      },
    },
  },
);
