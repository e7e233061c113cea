/** CBO occupations (Classificação Brasileira de Ocupações) with a median monthly income in reais. */
export const OCCUPATIONS: readonly (readonly [description: string, medianIncome: number, weight: number])[] =
  [
    ['Assistente administrativo', 2800, 10],
    ['Vendedor de comércio varejista', 2200, 10],
    ['Operador de caixa', 1800, 6],
    ['Faxineiro', 1600, 5],
    ['Motorista de carro de passeio', 2600, 5],
    ['Garçom', 1900, 4],
    ['Cozinheiro geral', 2100, 4],
    ['Pedreiro', 2700, 4],
    ['Vigilante', 2400, 4],
    ['Técnico de enfermagem', 3000, 4],
    ['Mecânico de manutenção de automóveis', 3200, 3],
    ['Professor de ensino fundamental', 4200, 4],
    ['Enfermeiro', 5200, 2],
    ['Analista de desenvolvimento de sistemas', 8500, 3],
    ['Administrador', 7500, 2],
    ['Contador', 6500, 2],
    ['Advogado', 9000, 2],
    ['Engenheiro civil', 11000, 1],
    ['Médico clínico', 18000, 1],
    ['Comerciante varejista', 5000, 3],
  ];

/** CNAE 2.3 subclasses (7 digits) for small and medium companies. */
export const CNAE_CODES = [
  '4711302', '5611201', '6201501', '4781400', '8630503', '4930202', '4120400', '7020400', '9602501',
  '4744099', '5620104', '8599604', '4520001', '6911701', '7319002', '4771701', '4721102', '4729699',
] as const; // prettier-ignore
