export { demarrerMisesAJour, suivreMiseAJour, appliquer } from './miseAJour.ts';
