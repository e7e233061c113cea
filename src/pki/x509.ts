// @peculiar/x509 decorates its ASN.1 classes with reflect-metadata, which must load first
// (DESIGN §6). Every file of this module takes the library from here.
import 'reflect-metadata';
export * as x509 from '@peculiar/x509';
