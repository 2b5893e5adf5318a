// The two clocks the caseload applies as it reads (charte §4 step 2 and "tout au long"), apart from
// the settings' schema: the first screen reads them without parsing the territory's settings.
export type ReglesContact = { delaiPremiersEntretiensMois: number; cadenceContactMois: number };

export const REGLES_CONTACT_PAR_DEFAUT: ReglesContact = { delaiPremiersEntretiensMois: 3, cadenceContactMois: 3 };

/** From the stored settings, validated when they were written; the defaults for what was never set. */
export const reglesContact = (stockes: Partial<ReglesContact> | undefined): ReglesContact => ({
  delaiPremiersEntretiensMois: stockes?.delaiPremiersEntretiensMois ?? REGLES_CONTACT_PAR_DEFAUT.delaiPremiersEntretiensMois,
  cadenceContactMois: stockes?.cadenceContactMois ?? REGLES_CONTACT_PAR_DEFAUT.cadenceContactMois,
});
