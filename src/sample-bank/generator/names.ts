/**
 * Name lists for synthetic Brazilians. Kept here rather than drawn from @faker-js/faker so that a
 * faker upgrade never changes what a seed produces, and because indexing an array is ~100× faster
 * than faker's templating (it matters at 10⁴–10⁵ customers).
 */

export const FEMALE_FIRST_NAMES = [
  'Maria', 'Ana', 'Francisca', 'Antônia', 'Adriana', 'Juliana', 'Márcia', 'Fernanda', 'Patrícia', 'Aline',
  'Sandra', 'Camila', 'Amanda', 'Bruna', 'Jéssica', 'Letícia', 'Júlia', 'Luciana', 'Vanessa', 'Mariana',
  'Gabriela', 'Vera', 'Vitória', 'Larissa', 'Cláudia', 'Beatriz', 'Luana', 'Rita', 'Sônia', 'Renata',
  'Eliane', 'Josefa', 'Simone', 'Natália', 'Cristiane', 'Carla', 'Débora', 'Rosângela', 'Jaqueline', 'Rosa',
  'Daniela', 'Aparecida', 'Marlene', 'Terezinha', 'Raimunda', 'Andréia', 'Fabiana', 'Lúcia', 'Raquel', 'Ângela',
  'Rafaela', 'Joana', 'Luzia', 'Elaine', 'Daniele', 'Regina', 'Daiane', 'Suelen', 'Alessandra', 'Isabela',
  'Sabrina', 'Helena', 'Alice', 'Laura', 'Valentina', 'Heloísa', 'Manuela', 'Sophia', 'Cecília', 'Lívia',
  'Giovanna', 'Lorena', 'Yasmin', 'Isadora', 'Clara', 'Eduarda', 'Mirela', 'Tatiane', 'Priscila', 'Kelly',
  'Michele', 'Roberta', 'Silvana', 'Solange', 'Tânia', 'Vânia', 'Ivone', 'Denise', 'Gisele', 'Carolina',
] as const; // prettier-ignore

export const MALE_FIRST_NAMES = [
  'José', 'João', 'Antônio', 'Francisco', 'Carlos', 'Paulo', 'Pedro', 'Lucas', 'Luiz', 'Marcos',
  'Luis', 'Gabriel', 'Rafael', 'Daniel', 'Marcelo', 'Bruno', 'Eduardo', 'Felipe', 'Raimundo', 'Rodrigo',
  'Manoel', 'Mateus', 'André', 'Fernando', 'Fábio', 'Leonardo', 'Gustavo', 'Guilherme', 'Leandro', 'Tiago',
  'Anderson', 'Ricardo', 'Márcio', 'Jorge', 'Sebastião', 'Alexandre', 'Roberto', 'Edson', 'Diego', 'Vitor',
  'Sérgio', 'Cláudio', 'Matheus', 'Thiago', 'Geraldo', 'Adriano', 'Luciano', 'Júlio', 'Renato', 'Alex',
  'Vinícius', 'Rogério', 'Samuel', 'Ronaldo', 'Mário', 'Flávio', 'Douglas', 'Igor', 'Davi', 'Arthur',
  'Heitor', 'Bernardo', 'Miguel', 'Théo', 'Enzo', 'Lorenzo', 'Benjamin', 'Nicolas', 'Joaquim', 'Otávio',
  'Caio', 'Henrique', 'Murilo', 'Wesley', 'Wellington', 'Cristiano', 'Reginaldo', 'Valdir', 'Osvaldo', 'Benedito',
  'Severino', 'Joaquim', 'Emerson', 'Fabrício', 'Hugo', 'Ivan', 'Jonas', 'Kléber', 'Nelson', 'Renan',
] as const; // prettier-ignore

export const SURNAMES = [
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes',
  'Costa', 'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Soares', 'Fernandes', 'Vieira', 'Barbosa',
  'Rocha', 'Dias', 'Nascimento', 'Andrade', 'Moreira', 'Nunes', 'Marques', 'Machado', 'Mendes', 'Freitas',
  'Cardoso', 'Ramos', 'Gonçalves', 'Santana', 'Teixeira', 'Araújo', 'Moura', 'Correia', 'Pinto', 'Cavalcanti',
  'Monteiro', 'Batista', 'Campos', 'Borges', 'Barros', 'Farias', 'Reis', 'Cunha', 'Azevedo', 'Melo',
  'Castro', 'Duarte', 'Miranda', 'Pires', 'Macedo', 'Sales', 'Brito', 'Fonseca', 'Moraes', 'Xavier',
  'Medeiros', 'Bezerra', 'Siqueira', 'Queiroz', 'Tavares', 'Prado', 'Nogueira', 'Leite', 'Coelho', 'Aguiar',
  'Sampaio', 'Vasconcelos', 'Pacheco', 'Guimarães', 'Braga', 'Rezende', 'Figueiredo', 'Bastos', 'Peixoto', 'Matos',
  'Barreto', 'Lacerda', 'Toledo', 'Amaral', 'Magalhães', 'Viana', 'Franco', 'Paiva', 'Brandão', 'Assis',
  'Cruz', 'Neves', 'Pimentel', 'Sousa', 'Rangel', 'Torres', 'Valente', 'Antunes', 'Camargo', 'Fontes',
] as const; // prettier-ignore

/** Trades and their nouns, for small-business names ("Padaria Santa Luzia", "Auto Peças Souza"). */
export const TRADES = [
  'Padaria', 'Mercado', 'Farmácia', 'Auto Peças', 'Oficina', 'Restaurante', 'Lanchonete', 'Papelaria',
  'Materiais de Construção', 'Pet Shop', 'Salão', 'Clínica', 'Escola', 'Academia', 'Transportes',
  'Distribuidora', 'Confecções', 'Informática', 'Consultoria', 'Construtora',
] as const; // prettier-ignore

export const TRADE_SUFFIXES = [
  'Santa Luzia', 'São Jorge', 'Bom Preço', 'Central', 'Estrela', 'Progresso', 'Boa Vista', 'Nova Era',
  'Primavera', 'Aliança', 'Horizonte', 'do Vale', 'Real', 'Ideal', 'Paulista', 'Brasil', 'Modelo', 'União',
] as const; // prettier-ignore

export const COMPANY_TYPES = ['LTDA', 'LTDA', 'LTDA', 'ME', 'EPP', 'S.A.'] as const;

export const DISTRICTS = [
  'Centro', 'Jardim América', 'Vila Nova', 'Boa Vista', 'Santa Cruz', 'São José', 'Jardim Paulista', 'Vila Maria',
  'Bela Vista', 'Liberdade', 'Santo Antônio', 'Cidade Nova', 'Jardim das Flores', 'Parque Industrial',
  'Vila Esperança', 'Alto da Boa Vista', 'Jardim Europa', 'Aeroporto', 'Planalto', 'Santa Mônica',
] as const; // prettier-ignore

export const STREET_TYPES = [
  ['Rua', 12],
  ['Avenida', 4],
  ['Travessa', 1],
  ['Alameda', 1],
] as const;

/** Whom streets are named after (first + surname of a list above is the other half). */
export const STREET_HONOREES = [
  'Tiradentes', 'Dom Pedro II', 'Marechal Deodoro', 'Santos Dumont', 'Rui Barbosa', 'Duque de Caxias',
  'Sete de Setembro', 'Quinze de Novembro', 'Getúlio Vargas', 'Presidente Vargas', 'das Flores',
  'dos Andradas', 'Barão do Rio Branco', 'Princesa Isabel', 'Castro Alves', 'Machado de Assis',
] as const; // prettier-ignore

export const EMAIL_DOMAINS = [
  ['gmail.com', 50],
  ['hotmail.com', 20],
  ['outlook.com', 10],
  ['yahoo.com.br', 8],
  ['uol.com.br', 5],
  ['bol.com.br', 4],
  ['icloud.com', 3],
] as const;

/** Lower-case ASCII for e-mail local parts: "João Araújo" → "joao.araujo". */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}
