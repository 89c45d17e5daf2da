<?php
/*
 * Authentication sources. 'example-userpass' is the fixed user list of the hosted IdP.
 * Format for exampleauth:UserPass (SimpleSAMLphp 1.19): 'username:password' => [attribute => [values...]]
 * All people are fictitious. Every attribute value is an array (multi-valued by nature).
 * - personId: an opaque, stable identifier, released as the persistent NameID (see saml20-sp-remote.php);
 * - role: "elu" for the Ville's elected officials (they sign in with personal addresses), "agent" otherwise;
 * - mandat: the élu's office (multi-valued).
 */
$config = [
    'admin' => ['core:AdminPassword'],

    'example-userpass' => [
        'exampleauth:UserPass',

        'alice.martin:alice-secret' => [
            'personId'  => ['5a1c7e52-0001-4c1e-9a51-6d6574726f31'],
            'uid'       => ['alice.martin'],
            'mail'      => ['alice.martin@metropole.entente.test'],
            'givenName' => ['Alice'],
            'sn'        => ['Martin'],
            'role'      => ['agent'],
            'groups'    => ['agents-metropole', 'admins-metropole', 'referents'],
        ],
        'emma.petit:emma-secret' => [
            'personId'  => ['5a1c7e52-0002-4c1e-9a51-76696c6c6531'],
            'uid'       => ['emma.petit'],
            'mail'      => ['emma.petit@ville.entente.test'],
            'givenName' => ['Emma'],
            'sn'        => ['Petit'],
            'role'      => ['agent'],
            'groups'    => ['agents-ville', 'referents'],
        ],
        // Élus of the Ville: personal addresses, no agent account.
        'gabriel.roux:gabriel-secret' => [
            'personId'  => ['5a1c7e52-0101-4c1e-9a51-656c75303031'],
            'uid'       => ['gabriel.roux'],
            'mail'      => ['gabriel.roux@perso.test'],
            'givenName' => ['Gabriel'],
            'sn'        => ['Roux'],
            'role'      => ['elu'],
            'mandat'    => ['adjoint au maire', 'conseiller communautaire'],
            'groups'    => ['elus-ville', 'commission-numerique'],
        ],
        'helene.morel:helene-secret' => [
            'personId'  => ['5a1c7e52-0102-4c1e-9a51-656c75303032'],
            'uid'       => ['helene.morel'],
            'mail'      => ['helene.morel@perso.test'],
            'givenName' => ['Hélène'],
            'sn'        => ['Morel'],
            'role'      => ['elu'],
            'mandat'    => ['conseillère municipale'],
            'groups'    => ['elus-ville'],
        ],
    ],
];
