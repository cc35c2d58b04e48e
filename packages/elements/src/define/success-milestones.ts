import { SuccessMilestones } from '../success-milestones/success-milestones.js';

export { SuccessMilestones };

if (!customElements.get('success-milestones')) {
  customElements.define('success-milestones', SuccessMilestones);
}

declare global {
  interface HTMLElementTagNameMap {
    'success-milestones': SuccessMilestones;
  }
}
