/* A Bison parser, made by GNU Bison 3.8.2.  */

/* Bison interface for Yacc-like parsers in C

   Copyright (C) 1984, 1989-1990, 2000-2015, 2018-2021 Free Software Foundation,
   Inc.

   This program is free software: you can redistribute it and/or modify
   it under the terms of the GNU General Public License as published by
   the Free Software Foundation, either version 3 of the License, or
   (at your option) any later version.

   This program is distributed in the hope that it will be useful,
   but WITHOUT ANY WARRANTY; without even the implied warranty of
   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
   GNU General Public License for more details.

   You should have received a copy of the GNU General Public License
   along with this program.  If not, see <https://www.gnu.org/licenses/>.  */

/* As a special exception, you may create a larger work that contains
   part or all of the Bison parser skeleton and distribute that work
   under terms of your choice, so long as that work isn't itself a
   parser generator using the skeleton or a modified version thereof
   as a parser skeleton.  Alternatively, if you modify or redistribute
   the parser skeleton itself, you may (at your option) remove this
   special exception, which will cause the skeleton and the resulting
   Bison output files to be licensed under the GNU General Public
   License without this special exception.

   This special exception was added by the Free Software Foundation in
   version 2.2 of Bison.  */

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

#ifndef YY_PARTIQL_YY_SRC_PARTIQL_PARTIQL_GRAM_H_INCLUDED
# define YY_PARTIQL_YY_SRC_PARTIQL_PARTIQL_GRAM_H_INCLUDED
/* Debug traces.  */
#ifndef PARTIQL_YYDEBUG
# if defined YYDEBUG
#if YYDEBUG
#   define PARTIQL_YYDEBUG 1
#  else
#   define PARTIQL_YYDEBUG 0
#  endif
# else /* ! defined YYDEBUG */
#  define PARTIQL_YYDEBUG 0
# endif /* ! defined YYDEBUG */
#endif  /* ! defined PARTIQL_YYDEBUG */
#if PARTIQL_YYDEBUG
extern int partiql_yydebug;
#endif
/* "%code requires" blocks.  */
#line 20 "src/partiql/partiql_gram.y"

#include "nodes/pg_list.h"
#include "partiql.h"
struct PqlParseState;

#line 63 "src/partiql/partiql_gram.h"

/* Token kinds.  */
#ifndef PARTIQL_YYTOKENTYPE
# define PARTIQL_YYTOKENTYPE
  enum partiql_yytokentype
  {
    PARTIQL_YYEMPTY = -2,
    PARTIQL_YYEOF = 0,             /* "end of file"  */
    PARTIQL_YYerror = 256,         /* error  */
    PARTIQL_YYUNDEF = 257,         /* "invalid token"  */
    IDENT = 258,                   /* IDENT  */
    QIDENT = 259,                  /* QIDENT  */
    STRING = 260,                  /* STRING  */
    NUMBER = 261,                  /* NUMBER  */
    BADTOKEN = 262,                /* BADTOKEN  */
    NE = 263,                      /* NE  */
    LE = 264,                      /* LE  */
    GE = 265,                      /* GE  */
    LSET = 266,                    /* LSET  */
    RSET = 267,                    /* RSET  */
    ALL = 268,                     /* ALL  */
    AND = 269,                     /* AND  */
    ASC = 270,                     /* ASC  */
    BETWEEN = 271,                 /* BETWEEN  */
    BY = 272,                      /* BY  */
    DELETE = 273,                  /* DELETE  */
    DESC = 274,                    /* DESC  */
    EXISTS = 275,                  /* EXISTS  */
    FALSE_P = 276,                 /* FALSE_P  */
    FROM = 277,                    /* FROM  */
    IN = 278,                      /* IN  */
    INSERT = 279,                  /* INSERT  */
    INTO = 280,                    /* INTO  */
    IS = 281,                      /* IS  */
    MISSING = 282,                 /* MISSING  */
    MODIFIED = 283,                /* MODIFIED  */
    NEW = 284,                     /* NEW  */
    NOT = 285,                     /* NOT  */
    NULL_P = 286,                  /* NULL_P  */
    OLD = 287,                     /* OLD  */
    OR = 288,                      /* OR  */
    ORDER = 289,                   /* ORDER  */
    REMOVE = 290,                  /* REMOVE  */
    RETURNING = 291,               /* RETURNING  */
    SELECT = 292,                  /* SELECT  */
    SET = 293,                     /* SET  */
    TRUE_P = 294,                  /* TRUE_P  */
    UPDATE = 295,                  /* UPDATE  */
    VALUE = 296,                   /* VALUE  */
    WHERE = 297                    /* WHERE  */
  };
  typedef enum partiql_yytokentype partiql_yytoken_kind_t;
#endif

/* Value type.  */
#if ! defined PARTIQL_YYSTYPE && ! defined PARTIQL_YYSTYPE_IS_DECLARED
union PARTIQL_YYSTYPE
{
#line 39 "src/partiql/partiql_gram.y"

	int			tok;			/* index of a token in ps->tokens */
	int			ival;
	PqlNode    *node;
	List	   *list;
	PqlStatement *stmt;

#line 130 "src/partiql/partiql_gram.h"

};
typedef union PARTIQL_YYSTYPE PARTIQL_YYSTYPE;
# define PARTIQL_YYSTYPE_IS_TRIVIAL 1
# define PARTIQL_YYSTYPE_IS_DECLARED 1
#endif




int partiql_yyparse (struct PqlParseState *ps);


#endif /* !YY_PARTIQL_YY_SRC_PARTIQL_PARTIQL_GRAM_H_INCLUDED  */
