/**
 * French words. A side-effect module: `import '@omneo/widgets/locales/fr'` registers them, and
 * every widget whose locale is `fr` or `fr-*` uses them. Pages in English never load it.
 */
import { registerStrings, type OmneoStrings } from '../internal/strings.js';

export const fr: OmneoStrings = {
  loading: 'Chargement…',
  signedOut: 'Connectez-vous pour voir vos récompenses.',
  error: 'Vos récompenses n’ont pas pu être chargées.',
  retry: 'Réessayer',
  noProvider: 'Récompenses indisponibles : cette page n’a pas de <omneo-provider>.',
  points: { one: '{n} point', other: '{n} points' },
  noRewards: 'Pas encore de récompenses.',
  noBenefits: 'Pas encore d’avantages.',
  noPoints: 'Pas encore de points.',
  pointsLot: 'Points',
  expires: 'Expire le {date}',
  expired: 'Expiré le {date}',
  expiringSoon: 'Expire bientôt',
  usesLeft: { one: '{n} utilisation restante', other: '{n} utilisations restantes' },
  redeemFor: 'pour {name}',
  redeem: 'Utiliser',
  redeemAmount: 'Utiliser {amount}',
  confirmAmount: 'Utiliser {amount} ?',
  confirmBenefit: 'Utiliser cet avantage ?',
  confirm: 'Confirmer',
  cancel: 'Annuler',
  redeeming: 'En cours…',
  redeemed: '{amount} utilisés.',
  redeemedBenefit: 'Avantage utilisé.',
  yourCode: 'Votre code :',
  copy: 'Copier le code',
  copied: 'Copié',
  copyFailed: 'Code sélectionné : copiez-le avec Ctrl+C ou ⌘C.',
  unconfirmed: 'Nous n’avons pas pu confirmer votre échange. Vérifiez votre solde avant de réessayer.',
  redeemFailed: 'Votre échange n’a pas abouti.',
  overBalance: 'Cela dépasse votre solde de {amount}.',
  signInToRedeem: 'Connectez-vous pour utiliser vos récompenses.',
  notSetUp: 'Ce bouton n’est pas configuré : indiquez un montant supérieur à 0 ou un benefit-id.',
  yourTier: 'Votre niveau',
  tierProgressLabel: 'Progression vers {tier}',
  tierProgressText: '{percent} % du chemin vers {tier}',
  tierProgressLeft: '{percent} % du chemin vers {tier}, encore {amount}',
  toNextTier: 'Encore {amount} pour atteindre {tier}',
  nextTier: 'Niveau suivant : {tier}',
  keepTier: 'Gagnez encore {amount} d’ici le {date} pour garder le niveau {tier}',
  unnamedTier: 'actuel',
  unnamedNextTier: 'le niveau suivant',
  topTier: 'Vous avez atteint le niveau le plus élevé.',
  noTier: 'Vous n’avez pas encore de niveau. Cumulez des points pour en rejoindre un.',
};

registerStrings('fr', fr);
