import type { rolesEn } from './roles.en';

/** 코어가 만드는 기본 역할. 용어는 docs/glossary.md를 따른다. */
export const rolesKo: Record<keyof typeof rolesEn, string> = {
  'roles.builtin.Root Admin.name': '루트 관리자',
  'roles.builtin.Root Admin.description': '기본 루트 관리자 역할',
  'roles.builtin.Resource Admin.name': '리소스 관리자',
  'roles.builtin.Resource Admin.description': '기본 리소스 관리자 역할',
  'roles.builtin.Domain Admin.name': '도메인 관리자',
  'roles.builtin.Domain Admin.description': '기본 도메인 관리자 역할',
  'roles.builtin.User.name': '사용자',
  'roles.builtin.User.description': '기본 사용자 역할',
  'roles.builtin.rule.rootAdminAll': '루트 관리자는 모든 API를 호출할 수 있습니다',
};
