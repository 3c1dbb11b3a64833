/* A Bison parser, made by GNU Bison 3.8.2.  */

/* Bison implementation for Yacc-like parsers in C

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

/* C LALR(1) parser skeleton written by Richard Stallman, by
   simplifying the original so-called "semantic" parser.  */

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

/* All symbols defined below should begin with yy or YY, to avoid
   infringing on user name space.  This should be done even for local
   variables, as they might otherwise be expanded by user macros.
   There are some unavoidable exceptions within include files to
   define necessary library symbols; they are noted "INFRINGES ON
   USER NAME SPACE" below.  */

/* Identify Bison output, and Bison version.  */
#define YYBISON 30802

/* Bison version string.  */
#define YYBISON_VERSION "3.8.2"

/* Skeleton name.  */
#define YYSKELETON_NAME "yacc.c"

/* Pure parsers.  */
#define YYPURE 2

/* Push parsers.  */
#define YYPUSH 0

/* Pull parsers.  */
#define YYPULL 1

/* Substitute the type names.  */
#define YYSTYPE         PARTIQL_YYSTYPE
/* Substitute the variable and function names.  */
#define yyparse         partiql_yyparse
#define yylex           partiql_yylex
#define yyerror         partiql_yyerror
#define yydebug         partiql_yydebug
#define yynerrs         partiql_yynerrs

/* First part of user prologue.  */
#line 1 "src/partiql/partiql_gram.y"

/*
 * partiql_gram.y
 *		Grammar of DynamoDB's PartiQL dialect: SELECT, INSERT, UPDATE,
 *		DELETE, and EXISTS(SELECT ...) for transactions.
 *
 * Actions only build the tree (partiql.h).  What the grammar leaves open
 * (which functions exist, that a bare operand in a WHERE is a function
 * call, that writes name their whole key) is checked by the translation,
 * so syntax errors come first.
 */
#include "postgres.h"

#include "partiql_parser.h"

#define YYMALLOC palloc
#define YYFREE pfree

#line 96 "src/partiql/partiql_gram.c"

# ifndef YY_CAST
#  ifdef __cplusplus
#   define YY_CAST(Type, Val) static_cast<Type> (Val)
#   define YY_REINTERPRET_CAST(Type, Val) reinterpret_cast<Type> (Val)
#  else
#   define YY_CAST(Type, Val) ((Type) (Val))
#   define YY_REINTERPRET_CAST(Type, Val) ((Type) (Val))
#  endif
# endif
# ifndef YY_NULLPTR
#  if defined __cplusplus
#   if 201103L <= __cplusplus
#    define YY_NULLPTR nullptr
#   else
#    define YY_NULLPTR 0
#   endif
#  else
#   define YY_NULLPTR ((void*)0)
#  endif
# endif

#include "partiql_gram.h"
/* Symbol kind.  */
enum yysymbol_kind_t
{
  YYSYMBOL_YYEMPTY = -2,
  YYSYMBOL_YYEOF = 0,                      /* "end of file"  */
  YYSYMBOL_YYerror = 1,                    /* error  */
  YYSYMBOL_YYUNDEF = 2,                    /* "invalid token"  */
  YYSYMBOL_IDENT = 3,                      /* IDENT  */
  YYSYMBOL_QIDENT = 4,                     /* QIDENT  */
  YYSYMBOL_STRING = 5,                     /* STRING  */
  YYSYMBOL_NUMBER = 6,                     /* NUMBER  */
  YYSYMBOL_BADTOKEN = 7,                   /* BADTOKEN  */
  YYSYMBOL_NE = 8,                         /* NE  */
  YYSYMBOL_LE = 9,                         /* LE  */
  YYSYMBOL_GE = 10,                        /* GE  */
  YYSYMBOL_LSET = 11,                      /* LSET  */
  YYSYMBOL_RSET = 12,                      /* RSET  */
  YYSYMBOL_13_ = 13,                       /* '?'  */
  YYSYMBOL_14_ = 14,                       /* '['  */
  YYSYMBOL_15_ = 15,                       /* '{'  */
  YYSYMBOL_ALL = 16,                       /* ALL  */
  YYSYMBOL_AND = 17,                       /* AND  */
  YYSYMBOL_ASC = 18,                       /* ASC  */
  YYSYMBOL_BETWEEN = 19,                   /* BETWEEN  */
  YYSYMBOL_BY = 20,                        /* BY  */
  YYSYMBOL_DELETE = 21,                    /* DELETE  */
  YYSYMBOL_DESC = 22,                      /* DESC  */
  YYSYMBOL_EXISTS = 23,                    /* EXISTS  */
  YYSYMBOL_FALSE_P = 24,                   /* FALSE_P  */
  YYSYMBOL_FROM = 25,                      /* FROM  */
  YYSYMBOL_IN = 26,                        /* IN  */
  YYSYMBOL_INSERT = 27,                    /* INSERT  */
  YYSYMBOL_INTO = 28,                      /* INTO  */
  YYSYMBOL_IS = 29,                        /* IS  */
  YYSYMBOL_MISSING = 30,                   /* MISSING  */
  YYSYMBOL_MODIFIED = 31,                  /* MODIFIED  */
  YYSYMBOL_NEW = 32,                       /* NEW  */
  YYSYMBOL_NOT = 33,                       /* NOT  */
  YYSYMBOL_NULL_P = 34,                    /* NULL_P  */
  YYSYMBOL_OLD = 35,                       /* OLD  */
  YYSYMBOL_OR = 36,                        /* OR  */
  YYSYMBOL_ORDER = 37,                     /* ORDER  */
  YYSYMBOL_REMOVE = 38,                    /* REMOVE  */
  YYSYMBOL_RETURNING = 39,                 /* RETURNING  */
  YYSYMBOL_SELECT = 40,                    /* SELECT  */
  YYSYMBOL_SET = 41,                       /* SET  */
  YYSYMBOL_TRUE_P = 42,                    /* TRUE_P  */
  YYSYMBOL_UPDATE = 43,                    /* UPDATE  */
  YYSYMBOL_VALUE = 44,                     /* VALUE  */
  YYSYMBOL_WHERE = 45,                     /* WHERE  */
  YYSYMBOL_46_ = 46,                       /* '+'  */
  YYSYMBOL_47_ = 47,                       /* '-'  */
  YYSYMBOL_48_ = 48,                       /* '('  */
  YYSYMBOL_49_ = 49,                       /* ')'  */
  YYSYMBOL_50_ = 50,                       /* '*'  */
  YYSYMBOL_51_ = 51,                       /* '.'  */
  YYSYMBOL_52_ = 52,                       /* '='  */
  YYSYMBOL_53_ = 53,                       /* ','  */
  YYSYMBOL_54_ = 54,                       /* ']'  */
  YYSYMBOL_55_ = 55,                       /* '<'  */
  YYSYMBOL_56_ = 56,                       /* '>'  */
  YYSYMBOL_57_ = 57,                       /* '}'  */
  YYSYMBOL_58_ = 58,                       /* ':'  */
  YYSYMBOL_YYACCEPT = 59,                  /* $accept  */
  YYSYMBOL_start = 60,                     /* start  */
  YYSYMBOL_statement = 61,                 /* statement  */
  YYSYMBOL_select = 62,                    /* select  */
  YYSYMBOL_projection = 63,                /* projection  */
  YYSYMBOL_target = 64,                    /* target  */
  YYSYMBOL_name = 65,                      /* name  */
  YYSYMBOL_opt_where = 66,                 /* opt_where  */
  YYSYMBOL_opt_order = 67,                 /* opt_order  */
  YYSYMBOL_opt_desc = 68,                  /* opt_desc  */
  YYSYMBOL_insert = 69,                    /* insert  */
  YYSYMBOL_update = 70,                    /* update  */
  YYSYMBOL_update_clauses = 71,            /* update_clauses  */
  YYSYMBOL_update_clause = 72,             /* update_clause  */
  YYSYMBOL_assigns = 73,                   /* assigns  */
  YYSYMBOL_delete = 74,                    /* delete  */
  YYSYMBOL_opt_returning = 75,             /* opt_returning  */
  YYSYMBOL_condition = 76,                 /* condition  */
  YYSYMBOL_is_test = 77,                   /* is_test  */
  YYSYMBOL_comparator = 78,                /* comparator  */
  YYSYMBOL_expr = 79,                      /* expr  */
  YYSYMBOL_expr_list = 80,                 /* expr_list  */
  YYSYMBOL_path = 81,                      /* path  */
  YYSYMBOL_path_list = 82,                 /* path_list  */
  YYSYMBOL_value = 83,                     /* value  */
  YYSYMBOL_opt_values = 84,                /* opt_values  */
  YYSYMBOL_values = 85,                    /* values  */
  YYSYMBOL_pairs = 86                      /* pairs  */
};
typedef enum yysymbol_kind_t yysymbol_kind_t;



/* Unqualified %code blocks.  */
#line 26 "src/partiql/partiql_gram.y"

static int	partiql_yylex(PARTIQL_YYSTYPE *lval, struct PqlParseState *ps);
static void partiql_yyerror(struct PqlParseState *ps, const char *msg);

#line 222 "src/partiql/partiql_gram.c"

#ifdef short
# undef short
#endif

/* On compilers that do not define __PTRDIFF_MAX__ etc., make sure
   <limits.h> and (if available) <stdint.h> are included
   so that the code can choose integer types of a good width.  */

#ifndef __PTRDIFF_MAX__
# include <limits.h> /* INFRINGES ON USER NAME SPACE */
# if defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stdint.h> /* INFRINGES ON USER NAME SPACE */
#  define YY_STDINT_H
# endif
#endif

/* Narrow types that promote to a signed type and that can represent a
   signed or unsigned integer of at least N bits.  In tables they can
   save space and decrease cache pressure.  Promoting to a signed type
   helps avoid bugs in integer arithmetic.  */

#ifdef __INT_LEAST8_MAX__
typedef __INT_LEAST8_TYPE__ yytype_int8;
#elif defined YY_STDINT_H
typedef int_least8_t yytype_int8;
#else
typedef signed char yytype_int8;
#endif

#ifdef __INT_LEAST16_MAX__
typedef __INT_LEAST16_TYPE__ yytype_int16;
#elif defined YY_STDINT_H
typedef int_least16_t yytype_int16;
#else
typedef short yytype_int16;
#endif

/* Work around bug in HP-UX 11.23, which defines these macros
   incorrectly for preprocessor constants.  This workaround can likely
   be removed in 2023, as HPE has promised support for HP-UX 11.23
   (aka HP-UX 11i v2) only through the end of 2022; see Table 2 of
   <https://h20195.www2.hpe.com/V2/getpdf.aspx/4AA4-7673ENW.pdf>.  */
#ifdef __hpux
# undef UINT_LEAST8_MAX
# undef UINT_LEAST16_MAX
# define UINT_LEAST8_MAX 255
# define UINT_LEAST16_MAX 65535
#endif

#if defined __UINT_LEAST8_MAX__ && __UINT_LEAST8_MAX__ <= __INT_MAX__
typedef __UINT_LEAST8_TYPE__ yytype_uint8;
#elif (!defined __UINT_LEAST8_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST8_MAX <= INT_MAX)
typedef uint_least8_t yytype_uint8;
#elif !defined __UINT_LEAST8_MAX__ && UCHAR_MAX <= INT_MAX
typedef unsigned char yytype_uint8;
#else
typedef short yytype_uint8;
#endif

#if defined __UINT_LEAST16_MAX__ && __UINT_LEAST16_MAX__ <= __INT_MAX__
typedef __UINT_LEAST16_TYPE__ yytype_uint16;
#elif (!defined __UINT_LEAST16_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST16_MAX <= INT_MAX)
typedef uint_least16_t yytype_uint16;
#elif !defined __UINT_LEAST16_MAX__ && USHRT_MAX <= INT_MAX
typedef unsigned short yytype_uint16;
#else
typedef int yytype_uint16;
#endif

#ifndef YYPTRDIFF_T
# if defined __PTRDIFF_TYPE__ && defined __PTRDIFF_MAX__
#  define YYPTRDIFF_T __PTRDIFF_TYPE__
#  define YYPTRDIFF_MAXIMUM __PTRDIFF_MAX__
# elif defined PTRDIFF_MAX
#  ifndef ptrdiff_t
#   include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  endif
#  define YYPTRDIFF_T ptrdiff_t
#  define YYPTRDIFF_MAXIMUM PTRDIFF_MAX
# else
#  define YYPTRDIFF_T long
#  define YYPTRDIFF_MAXIMUM LONG_MAX
# endif
#endif

#ifndef YYSIZE_T
# ifdef __SIZE_TYPE__
#  define YYSIZE_T __SIZE_TYPE__
# elif defined size_t
#  define YYSIZE_T size_t
# elif defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  define YYSIZE_T size_t
# else
#  define YYSIZE_T unsigned
# endif
#endif

#define YYSIZE_MAXIMUM                                  \
  YY_CAST (YYPTRDIFF_T,                                 \
           (YYPTRDIFF_MAXIMUM < YY_CAST (YYSIZE_T, -1)  \
            ? YYPTRDIFF_MAXIMUM                         \
            : YY_CAST (YYSIZE_T, -1)))

#define YYSIZEOF(X) YY_CAST (YYPTRDIFF_T, sizeof (X))


/* Stored state numbers (used for stacks). */
typedef yytype_uint8 yy_state_t;

/* State numbers in computations.  */
typedef int yy_state_fast_t;

#ifndef YY_
# if defined YYENABLE_NLS && YYENABLE_NLS
#  if ENABLE_NLS
#   include <libintl.h> /* INFRINGES ON USER NAME SPACE */
#   define YY_(Msgid) dgettext ("bison-runtime", Msgid)
#  endif
# endif
# ifndef YY_
#  define YY_(Msgid) Msgid
# endif
#endif


#ifndef YY_ATTRIBUTE_PURE
# if defined __GNUC__ && 2 < __GNUC__ + (96 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_PURE __attribute__ ((__pure__))
# else
#  define YY_ATTRIBUTE_PURE
# endif
#endif

#ifndef YY_ATTRIBUTE_UNUSED
# if defined __GNUC__ && 2 < __GNUC__ + (7 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_UNUSED __attribute__ ((__unused__))
# else
#  define YY_ATTRIBUTE_UNUSED
# endif
#endif

/* Suppress unused-variable warnings by "using" E.  */
#if ! defined lint || defined __GNUC__
# define YY_USE(E) ((void) (E))
#else
# define YY_USE(E) /* empty */
#endif

/* Suppress an incorrect diagnostic about yylval being uninitialized.  */
#if defined __GNUC__ && ! defined __ICC && 406 <= __GNUC__ * 100 + __GNUC_MINOR__
# if __GNUC__ * 100 + __GNUC_MINOR__ < 407
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")
# else
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")              \
    _Pragma ("GCC diagnostic ignored \"-Wmaybe-uninitialized\"")
# endif
# define YY_IGNORE_MAYBE_UNINITIALIZED_END      \
    _Pragma ("GCC diagnostic pop")
#else
# define YY_INITIAL_VALUE(Value) Value
#endif
#ifndef YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_END
#endif
#ifndef YY_INITIAL_VALUE
# define YY_INITIAL_VALUE(Value) /* Nothing. */
#endif

#if defined __cplusplus && defined __GNUC__ && ! defined __ICC && 6 <= __GNUC__
# define YY_IGNORE_USELESS_CAST_BEGIN                          \
    _Pragma ("GCC diagnostic push")                            \
    _Pragma ("GCC diagnostic ignored \"-Wuseless-cast\"")
# define YY_IGNORE_USELESS_CAST_END            \
    _Pragma ("GCC diagnostic pop")
#endif
#ifndef YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_END
#endif


#define YY_ASSERT(E) ((void) (0 && (E)))

#if !defined yyoverflow

/* The parser invokes alloca or malloc; define the necessary symbols.  */

# ifdef YYSTACK_USE_ALLOCA
#  if YYSTACK_USE_ALLOCA
#   ifdef __GNUC__
#    define YYSTACK_ALLOC __builtin_alloca
#   elif defined __BUILTIN_VA_ARG_INCR
#    include <alloca.h> /* INFRINGES ON USER NAME SPACE */
#   elif defined _AIX
#    define YYSTACK_ALLOC __alloca
#   elif defined _MSC_VER
#    include <malloc.h> /* INFRINGES ON USER NAME SPACE */
#    define alloca _alloca
#   else
#    define YYSTACK_ALLOC alloca
#    if ! defined _ALLOCA_H && ! defined EXIT_SUCCESS
#     include <stdlib.h> /* INFRINGES ON USER NAME SPACE */
      /* Use EXIT_SUCCESS as a witness for stdlib.h.  */
#     ifndef EXIT_SUCCESS
#      define EXIT_SUCCESS 0
#     endif
#    endif
#   endif
#  endif
# endif

# ifdef YYSTACK_ALLOC
   /* Pacify GCC's 'empty if-body' warning.  */
#  define YYSTACK_FREE(Ptr) do { /* empty */; } while (0)
#  ifndef YYSTACK_ALLOC_MAXIMUM
    /* The OS might guarantee only one guard page at the bottom of the stack,
       and a page size can be as small as 4096 bytes.  So we cannot safely
       invoke alloca (N) if N exceeds 4096.  Use a slightly smaller number
       to allow for a few compiler-allocated temporary stack slots.  */
#   define YYSTACK_ALLOC_MAXIMUM 4032 /* reasonable circa 2006 */
#  endif
# else
#  define YYSTACK_ALLOC YYMALLOC
#  define YYSTACK_FREE YYFREE
#  ifndef YYSTACK_ALLOC_MAXIMUM
#   define YYSTACK_ALLOC_MAXIMUM YYSIZE_MAXIMUM
#  endif
#  if (defined __cplusplus && ! defined EXIT_SUCCESS \
       && ! ((defined YYMALLOC || defined malloc) \
             && (defined YYFREE || defined free)))
#   include <stdlib.h> /* INFRINGES ON USER NAME SPACE */
#   ifndef EXIT_SUCCESS
#    define EXIT_SUCCESS 0
#   endif
#  endif
#  ifndef YYMALLOC
#   define YYMALLOC malloc
#   if ! defined malloc && ! defined EXIT_SUCCESS
void *malloc (YYSIZE_T); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
#  ifndef YYFREE
#   define YYFREE free
#   if ! defined free && ! defined EXIT_SUCCESS
void free (void *); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
# endif
#endif /* !defined yyoverflow */

#if (! defined yyoverflow \
     && (! defined __cplusplus \
         || (defined PARTIQL_YYSTYPE_IS_TRIVIAL && PARTIQL_YYSTYPE_IS_TRIVIAL)))

/* A type that is properly aligned for any stack member.  */
union yyalloc
{
  yy_state_t yyss_alloc;
  YYSTYPE yyvs_alloc;
};

/* The size of the maximum gap between one aligned stack and the next.  */
# define YYSTACK_GAP_MAXIMUM (YYSIZEOF (union yyalloc) - 1)

/* The size of an array large to enough to hold all stacks, each with
   N elements.  */
# define YYSTACK_BYTES(N) \
     ((N) * (YYSIZEOF (yy_state_t) + YYSIZEOF (YYSTYPE)) \
      + YYSTACK_GAP_MAXIMUM)

# define YYCOPY_NEEDED 1

/* Relocate STACK from its old location to the new one.  The
   local variables YYSIZE and YYSTACKSIZE give the old and new number of
   elements in the stack, and YYPTR gives the new location of the
   stack.  Advance YYPTR to a properly aligned location for the next
   stack.  */
# define YYSTACK_RELOCATE(Stack_alloc, Stack)                           \
    do                                                                  \
      {                                                                 \
        YYPTRDIFF_T yynewbytes;                                         \
        YYCOPY (&yyptr->Stack_alloc, Stack, yysize);                    \
        Stack = &yyptr->Stack_alloc;                                    \
        yynewbytes = yystacksize * YYSIZEOF (*Stack) + YYSTACK_GAP_MAXIMUM; \
        yyptr += yynewbytes / YYSIZEOF (*yyptr);                        \
      }                                                                 \
    while (0)

#endif

#if defined YYCOPY_NEEDED && YYCOPY_NEEDED
/* Copy COUNT objects from SRC to DST.  The source and destination do
   not overlap.  */
# ifndef YYCOPY
#  if defined __GNUC__ && 1 < __GNUC__
#   define YYCOPY(Dst, Src, Count) \
      __builtin_memcpy (Dst, Src, YY_CAST (YYSIZE_T, (Count)) * sizeof (*(Src)))
#  else
#   define YYCOPY(Dst, Src, Count)              \
      do                                        \
        {                                       \
          YYPTRDIFF_T yyi;                      \
          for (yyi = 0; yyi < (Count); yyi++)   \
            (Dst)[yyi] = (Src)[yyi];            \
        }                                       \
      while (0)
#  endif
# endif
#endif /* !YYCOPY_NEEDED */

/* YYFINAL -- State number of the termination state.  */
#define YYFINAL  24
/* YYLAST -- Last index in YYTABLE.  */
#define YYLAST   187

/* YYNTOKENS -- Number of terminals.  */
#define YYNTOKENS  59
/* YYNNTS -- Number of nonterminals.  */
#define YYNNTS  28
/* YYNRULES -- Number of rules.  */
#define YYNRULES  85
/* YYNSTATES -- Number of states.  */
#define YYNSTATES  161

/* YYMAXUTOK -- Last valid token kind.  */
#define YYMAXUTOK   297


/* YYTRANSLATE(TOKEN-NUM) -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex, with out-of-bounds checking.  */
#define YYTRANSLATE(YYX)                                \
  (0 <= (YYX) && (YYX) <= YYMAXUTOK                     \
   ? YY_CAST (yysymbol_kind_t, yytranslate[YYX])        \
   : YYSYMBOL_YYUNDEF)

/* YYTRANSLATE[TOKEN-NUM] -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex.  */
static const yytype_int8 yytranslate[] =
{
       0,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
      48,    49,    50,    46,    53,    47,    51,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,    58,     2,
      55,    52,    56,    13,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,    14,     2,    54,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,    15,     2,    57,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     1,     2,     3,     4,
       5,     6,     7,     8,     9,    10,    11,    12,    16,    17,
      18,    19,    20,    21,    22,    23,    24,    25,    26,    27,
      28,    29,    30,    31,    32,    33,    34,    35,    36,    37,
      38,    39,    40,    41,    42,    43,    44,    45
};

#if PARTIQL_YYDEBUG
/* YYRLINE[YYN] -- Source line where rule number YYN was defined.  */
static const yytype_int16 yyrline[] =
{
       0,    68,    68,    72,    73,    74,    75,    76,    80,    90,
      91,    95,    96,   104,   105,   109,   110,   113,   115,   119,
     120,   121,   125,   134,   145,   146,   150,   151,   162,   163,
     167,   177,   178,   179,   180,   181,   185,   186,   187,   188,
     189,   190,   191,   192,   193,   194,   198,   199,   200,   201,
     205,   206,   207,   208,   209,   210,   214,   215,   216,   221,
     222,   226,   227,   231,   232,   233,   234,   238,   239,   243,
     244,   245,   250,   251,   252,   253,   254,   255,   256,   257,
     261,   262,   266,   267,   271,   272
};
#endif

/** Accessing symbol of state STATE.  */
#define YY_ACCESSING_SYMBOL(State) YY_CAST (yysymbol_kind_t, yystos[State])

#if PARTIQL_YYDEBUG || 0
/* The user-facing name of the symbol whose (internal) number is
   YYSYMBOL.  No bounds checking.  */
static const char *yysymbol_name (yysymbol_kind_t yysymbol) YY_ATTRIBUTE_UNUSED;

/* YYTNAME[SYMBOL-NUM] -- String name of the symbol SYMBOL-NUM.
   First, the terminals, then, starting at YYNTOKENS, nonterminals.  */
static const char *const yytname[] =
{
  "\"end of file\"", "error", "\"invalid token\"", "IDENT", "QIDENT",
  "STRING", "NUMBER", "BADTOKEN", "NE", "LE", "GE", "LSET", "RSET", "'?'",
  "'['", "'{'", "ALL", "AND", "ASC", "BETWEEN", "BY", "DELETE", "DESC",
  "EXISTS", "FALSE_P", "FROM", "IN", "INSERT", "INTO", "IS", "MISSING",
  "MODIFIED", "NEW", "NOT", "NULL_P", "OLD", "OR", "ORDER", "REMOVE",
  "RETURNING", "SELECT", "SET", "TRUE_P", "UPDATE", "VALUE", "WHERE",
  "'+'", "'-'", "'('", "')'", "'*'", "'.'", "'='", "','", "']'", "'<'",
  "'>'", "'}'", "':'", "$accept", "start", "statement", "select",
  "projection", "target", "name", "opt_where", "opt_order", "opt_desc",
  "insert", "update", "update_clauses", "update_clause", "assigns",
  "delete", "opt_returning", "condition", "is_test", "comparator", "expr",
  "expr_list", "path", "path_list", "value", "opt_values", "values",
  "pairs", YY_NULLPTR
};

static const char *
yysymbol_name (yysymbol_kind_t yysymbol)
{
  return yytname[yysymbol];
}
#endif

#define YYPACT_NINF (-73)

#define yypact_value_is_default(Yyn) \
  ((Yyn) == YYPACT_NINF)

#define YYTABLE_NINF (-1)

#define yytable_value_is_error(Yyn) \
  0

/* YYPACT[STATE-NUM] -- Index in YYTABLE of the portion describing
   STATE-NUM.  */
static const yytype_int16 yypact[] =
{
     106,    -5,   -15,    44,     6,    55,    47,   -73,   -73,   -73,
     -73,   -73,    55,    24,    55,   -73,   -73,   -73,    66,   -73,
      -7,    27,   -30,    45,   -73,    64,    79,    98,    55,    84,
      55,    55,    55,    55,    60,   -73,    55,    73,   113,   -73,
     111,    64,    96,   100,   -73,    -7,    27,   103,   -11,   113,
     -73,   -73,   114,   -73,   -73,   111,   -73,   111,    -3,   -73,
      73,   -73,   -73,   153,    73,     2,     5,    -7,   -73,     1,
     -73,   -73,   129,   -73,   -73,    55,    89,   -73,    89,   -73,
     155,   115,   117,   112,   -73,   -18,   -73,   -73,    19,    73,
      73,   -73,   -73,   -73,    89,    -2,   104,    89,    89,   -73,
     -73,   -73,    89,    13,   116,   149,   -73,    -9,    72,    72,
      59,   -73,   111,   -73,   111,   167,   -73,   -73,   -73,   156,
      36,    89,    89,   -73,   110,   -73,   -73,   -73,   -73,    72,
     124,   125,   126,   128,    55,    89,   -73,    89,   -73,   -73,
     119,    89,   107,    94,   -73,   -73,   -73,   -73,   -73,   -73,
      48,    72,    72,   111,    72,   -73,   -73,   -73,   -73,   -73,
     -73
};

/* YYDEFACT[STATE-NUM] -- Default reduction number in state STATE-NUM.
   Performed when YYTABLE does not specify something else to do.  Zero
   means the default is an error.  */
static const yytype_int8 yydefact[] =
{
       0,     0,     0,     0,     0,     0,     0,     2,     3,     4,
       5,     6,     0,     0,     0,    13,    14,     9,     0,    63,
      67,    10,     0,    11,     1,    15,     0,     0,     0,     0,
       0,     0,     0,     0,    15,    24,     0,     0,    31,     7,
       0,    15,     0,     0,    64,    68,    27,    26,     0,    31,
      25,    12,    13,    69,    70,    80,    75,    80,     0,    73,
       0,    74,    72,     0,     0,    16,    45,    56,    57,     0,
      30,    22,    17,    66,    65,     0,     0,    23,     0,    82,
       0,    81,     0,     0,    79,     0,    38,    71,     0,     0,
       0,    51,    53,    55,     0,     0,     0,     0,     0,    50,
      52,    54,     0,     0,     0,     0,     8,     0,    28,    61,
       0,    77,     0,    76,     0,     0,    78,    39,    37,    36,
       0,     0,     0,    46,     0,    48,    44,    59,    60,    40,
       0,     0,     0,     0,     0,     0,    58,     0,    83,    84,
       0,     0,     0,     0,    47,    49,    34,    32,    35,    33,
      19,    29,    62,     0,    41,    42,    43,    20,    21,    18,
      85
};

/* YYPGOTO[NTERM-NUM].  */
static const yytype_int16 yypgoto[] =
{
     -73,   -73,   -73,   166,   -73,     9,   127,    33,   -73,   -73,
     -73,   -73,   -73,   146,   -73,   -73,   132,    21,   -73,   -73,
     -72,    43,    -4,   150,   -39,   130,   -73,   -73
};

/* YYDEFGOTO[NTERM-NUM].  */
static const yytype_uint8 yydefgoto[] =
{
       0,     6,     7,     8,    18,    22,    19,    38,   106,   159,
       9,    10,    34,    35,    47,    11,    70,    65,   126,   102,
      66,   110,    67,    21,    68,    80,    81,    85
};

/* YYTABLE[YYPACT[STATE-NUM]] -- What to do in state STATE-NUM.  If
   positive, shift that token.  If negative, reduce the rule whose
   number is the opposite.  If YYTABLE_NINF, syntax error.  */
static const yytype_uint8 yytable[] =
{
      20,    71,    83,    29,   108,    29,   109,    29,    32,    15,
      16,    33,   121,    91,    92,    93,    79,   103,    79,    89,
      12,    25,   120,    27,    94,   127,   128,    45,    20,    48,
     129,    95,   104,    13,    96,   115,    89,    41,    90,   116,
      30,    76,    30,   135,    30,   130,   122,    24,   131,   109,
     109,    97,    98,   141,    84,    90,    17,    99,    15,    16,
     100,   101,    29,   151,     4,   152,   157,    49,   117,   154,
     158,   107,    14,   138,    72,   139,    52,    16,    53,    54,
      31,    86,    97,    98,    55,    88,    56,    57,    58,    42,
      43,    28,    52,    16,    53,    54,    36,    59,    32,    30,
      55,    33,    56,    57,    58,    37,    60,    61,   136,    37,
     118,   119,   137,    59,   160,    62,    53,    54,    97,    98,
      63,    64,    55,    61,    56,    57,    58,     1,    39,     2,
     150,    62,    23,     3,   123,    59,    63,   124,   125,    23,
     144,    23,    40,   156,   145,    61,     4,   137,   132,     5,
      73,   133,    69,    62,    74,    23,    75,    44,    63,    87,
     137,   155,    78,    51,   142,   143,   105,   111,   112,   134,
     114,   113,   140,    89,   146,   147,   148,   153,   149,    26,
      50,    77,    46,     0,     0,     0,     0,    82
};

static const yytype_int16 yycheck[] =
{
       4,    40,     5,    14,    76,    14,    78,    14,    38,     3,
       4,    41,    14,     8,     9,    10,    55,    16,    57,    17,
      25,    12,    94,    14,    19,    97,    98,    31,    32,    33,
     102,    26,    31,    48,    29,    53,    17,    28,    36,    57,
      51,    52,    51,    52,    51,    32,    48,     0,    35,   121,
     122,    46,    47,    17,    57,    36,    50,    52,     3,     4,
      55,    56,    14,   135,    40,   137,    18,    34,    49,   141,
      22,    75,    28,   112,    41,   114,     3,     4,     5,     6,
      53,    60,    46,    47,    11,    64,    13,    14,    15,     5,
       6,    25,     3,     4,     5,     6,    51,    24,    38,    51,
      11,    41,    13,    14,    15,    45,    33,    34,    49,    45,
      89,    90,    53,    24,   153,    42,     5,     6,    46,    47,
      47,    48,    11,    34,    13,    14,    15,    21,    49,    23,
     134,    42,     5,    27,    30,    24,    47,    33,    34,    12,
      30,    14,    44,    49,    34,    34,    40,    53,    32,    43,
      54,    35,    39,    42,    54,    28,    53,    30,    47,     6,
      53,    54,    48,    36,   121,   122,    37,    12,    53,    20,
      58,    54,     5,    17,    50,    50,    50,    58,    50,    13,
      34,    49,    32,    -1,    -1,    -1,    -1,    57
};

/* YYSTOS[STATE-NUM] -- The symbol kind of the accessing symbol of
   state STATE-NUM.  */
static const yytype_int8 yystos[] =
{
       0,    21,    23,    27,    40,    43,    60,    61,    62,    69,
      70,    74,    25,    48,    28,     3,     4,    50,    63,    65,
      81,    82,    64,    65,     0,    64,    62,    64,    25,    14,
      51,    53,    38,    41,    71,    72,    51,    45,    66,    49,
      44,    64,     5,     6,    65,    81,    82,    73,    81,    66,
      72,    65,     3,     5,     6,    11,    13,    14,    15,    24,
      33,    34,    42,    47,    48,    76,    79,    81,    83,    39,
      75,    83,    66,    54,    54,    53,    52,    75,    48,    83,
      84,    85,    84,     5,    57,    86,    76,     6,    76,    17,
      36,     8,     9,    10,    19,    26,    29,    46,    47,    52,
      55,    56,    78,    16,    31,    37,    67,    81,    79,    79,
      80,    12,    53,    54,    58,    53,    57,    49,    76,    76,
      79,    14,    48,    30,    33,    34,    77,    79,    79,    79,
      32,    35,    32,    35,    20,    52,    49,    53,    83,    83,
       5,    17,    80,    80,    30,    34,    50,    50,    50,    50,
      81,    79,    79,    58,    79,    54,    49,    18,    22,    68,
      83
};

/* YYR1[RULE-NUM] -- Symbol kind of the left-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr1[] =
{
       0,    59,    60,    61,    61,    61,    61,    61,    62,    63,
      63,    64,    64,    65,    65,    66,    66,    67,    67,    68,
      68,    68,    69,    70,    71,    71,    72,    72,    73,    73,
      74,    75,    75,    75,    75,    75,    76,    76,    76,    76,
      76,    76,    76,    76,    76,    76,    77,    77,    77,    77,
      78,    78,    78,    78,    78,    78,    79,    79,    79,    79,
      79,    80,    80,    81,    81,    81,    81,    82,    82,    83,
      83,    83,    83,    83,    83,    83,    83,    83,    83,    83,
      84,    84,    85,    85,    86,    86
};

/* YYR2[RULE-NUM] -- Number of symbols on the right-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr2[] =
{
       0,     2,     1,     1,     1,     1,     1,     4,     6,     1,
       1,     1,     3,     1,     1,     0,     2,     0,     4,     0,
       1,     1,     5,     5,     1,     2,     2,     2,     3,     5,
       5,     0,     4,     4,     4,     4,     3,     3,     2,     3,
       3,     5,     5,     5,     3,     1,     1,     2,     1,     2,
       1,     1,     1,     1,     1,     1,     1,     1,     4,     3,
       3,     1,     3,     1,     3,     4,     4,     1,     3,     1,
       1,     2,     1,     1,     1,     1,     3,     3,     3,     2,
       0,     1,     1,     3,     3,     5
};


enum { YYENOMEM = -2 };

#define yyerrok         (yyerrstatus = 0)
#define yyclearin       (yychar = PARTIQL_YYEMPTY)

#define YYACCEPT        goto yyacceptlab
#define YYABORT         goto yyabortlab
#define YYERROR         goto yyerrorlab
#define YYNOMEM         goto yyexhaustedlab


#define YYRECOVERING()  (!!yyerrstatus)

#define YYBACKUP(Token, Value)                                    \
  do                                                              \
    if (yychar == PARTIQL_YYEMPTY)                                        \
      {                                                           \
        yychar = (Token);                                         \
        yylval = (Value);                                         \
        YYPOPSTACK (yylen);                                       \
        yystate = *yyssp;                                         \
        goto yybackup;                                            \
      }                                                           \
    else                                                          \
      {                                                           \
        yyerror (ps, YY_("syntax error: cannot back up")); \
        YYERROR;                                                  \
      }                                                           \
  while (0)

/* Backward compatibility with an undocumented macro.
   Use PARTIQL_YYerror or PARTIQL_YYUNDEF. */
#define YYERRCODE PARTIQL_YYUNDEF


/* Enable debugging if requested.  */
#if PARTIQL_YYDEBUG

# ifndef YYFPRINTF
#  include <stdio.h> /* INFRINGES ON USER NAME SPACE */
#  define YYFPRINTF fprintf
# endif

# define YYDPRINTF(Args)                        \
do {                                            \
  if (yydebug)                                  \
    YYFPRINTF Args;                             \
} while (0)




# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)                    \
do {                                                                      \
  if (yydebug)                                                            \
    {                                                                     \
      YYFPRINTF (stderr, "%s ", Title);                                   \
      yy_symbol_print (stderr,                                            \
                  Kind, Value, ps); \
      YYFPRINTF (stderr, "\n");                                           \
    }                                                                     \
} while (0)


/*-----------------------------------.
| Print this symbol's value on YYO.  |
`-----------------------------------*/

static void
yy_symbol_value_print (FILE *yyo,
                       yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, struct PqlParseState *ps)
{
  FILE *yyoutput = yyo;
  YY_USE (yyoutput);
  YY_USE (ps);
  if (!yyvaluep)
    return;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  YY_USE (yykind);
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}


/*---------------------------.
| Print this symbol on YYO.  |
`---------------------------*/

static void
yy_symbol_print (FILE *yyo,
                 yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, struct PqlParseState *ps)
{
  YYFPRINTF (yyo, "%s %s (",
             yykind < YYNTOKENS ? "token" : "nterm", yysymbol_name (yykind));

  yy_symbol_value_print (yyo, yykind, yyvaluep, ps);
  YYFPRINTF (yyo, ")");
}

/*------------------------------------------------------------------.
| yy_stack_print -- Print the state stack from its BOTTOM up to its |
| TOP (included).                                                   |
`------------------------------------------------------------------*/

static void
yy_stack_print (yy_state_t *yybottom, yy_state_t *yytop)
{
  YYFPRINTF (stderr, "Stack now");
  for (; yybottom <= yytop; yybottom++)
    {
      int yybot = *yybottom;
      YYFPRINTF (stderr, " %d", yybot);
    }
  YYFPRINTF (stderr, "\n");
}

# define YY_STACK_PRINT(Bottom, Top)                            \
do {                                                            \
  if (yydebug)                                                  \
    yy_stack_print ((Bottom), (Top));                           \
} while (0)


/*------------------------------------------------.
| Report that the YYRULE is going to be reduced.  |
`------------------------------------------------*/

static void
yy_reduce_print (yy_state_t *yyssp, YYSTYPE *yyvsp,
                 int yyrule, struct PqlParseState *ps)
{
  int yylno = yyrline[yyrule];
  int yynrhs = yyr2[yyrule];
  int yyi;
  YYFPRINTF (stderr, "Reducing stack by rule %d (line %d):\n",
             yyrule - 1, yylno);
  /* The symbols being reduced.  */
  for (yyi = 0; yyi < yynrhs; yyi++)
    {
      YYFPRINTF (stderr, "   $%d = ", yyi + 1);
      yy_symbol_print (stderr,
                       YY_ACCESSING_SYMBOL (+yyssp[yyi + 1 - yynrhs]),
                       &yyvsp[(yyi + 1) - (yynrhs)], ps);
      YYFPRINTF (stderr, "\n");
    }
}

# define YY_REDUCE_PRINT(Rule)          \
do {                                    \
  if (yydebug)                          \
    yy_reduce_print (yyssp, yyvsp, Rule, ps); \
} while (0)

/* Nonzero means print parse trace.  It is left uninitialized so that
   multiple parsers can coexist.  */
int yydebug;
#else /* !PARTIQL_YYDEBUG */
# define YYDPRINTF(Args) ((void) 0)
# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)
# define YY_STACK_PRINT(Bottom, Top)
# define YY_REDUCE_PRINT(Rule)
#endif /* !PARTIQL_YYDEBUG */


/* YYINITDEPTH -- initial size of the parser's stacks.  */
#ifndef YYINITDEPTH
# define YYINITDEPTH 200
#endif

/* YYMAXDEPTH -- maximum size the stacks can grow to (effective only
   if the built-in stack extension method is used).

   Do not make this value too large; the results are undefined if
   YYSTACK_ALLOC_MAXIMUM < YYSTACK_BYTES (YYMAXDEPTH)
   evaluated with infinite-precision integer arithmetic.  */

#ifndef YYMAXDEPTH
# define YYMAXDEPTH 10000
#endif






/*-----------------------------------------------.
| Release the memory associated to this symbol.  |
`-----------------------------------------------*/

static void
yydestruct (const char *yymsg,
            yysymbol_kind_t yykind, YYSTYPE *yyvaluep, struct PqlParseState *ps)
{
  YY_USE (yyvaluep);
  YY_USE (ps);
  if (!yymsg)
    yymsg = "Deleting";
  YY_SYMBOL_PRINT (yymsg, yykind, yyvaluep, yylocationp);

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  YY_USE (yykind);
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}






/*----------.
| yyparse.  |
`----------*/

int
yyparse (struct PqlParseState *ps)
{
/* Lookahead token kind.  */
int yychar;


/* The semantic value of the lookahead symbol.  */
/* Default value used for initialization, for pacifying older GCCs
   or non-GCC compilers.  */
YY_INITIAL_VALUE (static YYSTYPE yyval_default;)
YYSTYPE yylval YY_INITIAL_VALUE (= yyval_default);

    /* Number of syntax errors so far.  */
    int yynerrs = 0;

    yy_state_fast_t yystate = 0;
    /* Number of tokens to shift before error messages enabled.  */
    int yyerrstatus = 0;

    /* Refer to the stacks through separate pointers, to allow yyoverflow
       to reallocate them elsewhere.  */

    /* Their size.  */
    YYPTRDIFF_T yystacksize = YYINITDEPTH;

    /* The state stack: array, bottom, top.  */
    yy_state_t yyssa[YYINITDEPTH];
    yy_state_t *yyss = yyssa;
    yy_state_t *yyssp = yyss;

    /* The semantic value stack: array, bottom, top.  */
    YYSTYPE yyvsa[YYINITDEPTH];
    YYSTYPE *yyvs = yyvsa;
    YYSTYPE *yyvsp = yyvs;

  int yyn;
  /* The return value of yyparse.  */
  int yyresult;
  /* Lookahead symbol kind.  */
  yysymbol_kind_t yytoken = YYSYMBOL_YYEMPTY;
  /* The variables used to return semantic value and location from the
     action routines.  */
  YYSTYPE yyval;



#define YYPOPSTACK(N)   (yyvsp -= (N), yyssp -= (N))

  /* The number of symbols on the RHS of the reduced rule.
     Keep to zero when no symbol should be popped.  */
  int yylen = 0;

  YYDPRINTF ((stderr, "Starting parse\n"));

  yychar = PARTIQL_YYEMPTY; /* Cause a token to be read.  */

  goto yysetstate;


/*------------------------------------------------------------.
| yynewstate -- push a new state, which is found in yystate.  |
`------------------------------------------------------------*/
yynewstate:
  /* In all cases, when you get here, the value and location stacks
     have just been pushed.  So pushing a state here evens the stacks.  */
  yyssp++;


/*--------------------------------------------------------------------.
| yysetstate -- set current state (the top of the stack) to yystate.  |
`--------------------------------------------------------------------*/
yysetstate:
  YYDPRINTF ((stderr, "Entering state %d\n", yystate));
  YY_ASSERT (0 <= yystate && yystate < YYNSTATES);
  YY_IGNORE_USELESS_CAST_BEGIN
  *yyssp = YY_CAST (yy_state_t, yystate);
  YY_IGNORE_USELESS_CAST_END
  YY_STACK_PRINT (yyss, yyssp);

  if (yyss + yystacksize - 1 <= yyssp)
#if !defined yyoverflow && !defined YYSTACK_RELOCATE
    YYNOMEM;
#else
    {
      /* Get the current used size of the three stacks, in elements.  */
      YYPTRDIFF_T yysize = yyssp - yyss + 1;

# if defined yyoverflow
      {
        /* Give user a chance to reallocate the stack.  Use copies of
           these so that the &'s don't force the real ones into
           memory.  */
        yy_state_t *yyss1 = yyss;
        YYSTYPE *yyvs1 = yyvs;

        /* Each stack pointer address is followed by the size of the
           data in use in that stack, in bytes.  This used to be a
           conditional around just the two extra args, but that might
           be undefined if yyoverflow is a macro.  */
        yyoverflow (YY_("memory exhausted"),
                    &yyss1, yysize * YYSIZEOF (*yyssp),
                    &yyvs1, yysize * YYSIZEOF (*yyvsp),
                    &yystacksize);
        yyss = yyss1;
        yyvs = yyvs1;
      }
# else /* defined YYSTACK_RELOCATE */
      /* Extend the stack our own way.  */
      if (YYMAXDEPTH <= yystacksize)
        YYNOMEM;
      yystacksize *= 2;
      if (YYMAXDEPTH < yystacksize)
        yystacksize = YYMAXDEPTH;

      {
        yy_state_t *yyss1 = yyss;
        union yyalloc *yyptr =
          YY_CAST (union yyalloc *,
                   YYSTACK_ALLOC (YY_CAST (YYSIZE_T, YYSTACK_BYTES (yystacksize))));
        if (! yyptr)
          YYNOMEM;
        YYSTACK_RELOCATE (yyss_alloc, yyss);
        YYSTACK_RELOCATE (yyvs_alloc, yyvs);
#  undef YYSTACK_RELOCATE
        if (yyss1 != yyssa)
          YYSTACK_FREE (yyss1);
      }
# endif

      yyssp = yyss + yysize - 1;
      yyvsp = yyvs + yysize - 1;

      YY_IGNORE_USELESS_CAST_BEGIN
      YYDPRINTF ((stderr, "Stack size increased to %ld\n",
                  YY_CAST (long, yystacksize)));
      YY_IGNORE_USELESS_CAST_END

      if (yyss + yystacksize - 1 <= yyssp)
        YYABORT;
    }
#endif /* !defined yyoverflow && !defined YYSTACK_RELOCATE */


  if (yystate == YYFINAL)
    YYACCEPT;

  goto yybackup;


/*-----------.
| yybackup.  |
`-----------*/
yybackup:
  /* Do appropriate processing given the current state.  Read a
     lookahead token if we need one and don't already have one.  */

  /* First try to decide what to do without reference to lookahead token.  */
  yyn = yypact[yystate];
  if (yypact_value_is_default (yyn))
    goto yydefault;

  /* Not known => get a lookahead token if don't already have one.  */

  /* YYCHAR is either empty, or end-of-input, or a valid lookahead.  */
  if (yychar == PARTIQL_YYEMPTY)
    {
      YYDPRINTF ((stderr, "Reading a token\n"));
      yychar = yylex (&yylval, ps);
    }

  if (yychar <= PARTIQL_YYEOF)
    {
      yychar = PARTIQL_YYEOF;
      yytoken = YYSYMBOL_YYEOF;
      YYDPRINTF ((stderr, "Now at end of input.\n"));
    }
  else if (yychar == PARTIQL_YYerror)
    {
      /* The scanner already issued an error message, process directly
         to error recovery.  But do not keep the error token as
         lookahead, it is too special and may lead us to an endless
         loop in error recovery. */
      yychar = PARTIQL_YYUNDEF;
      yytoken = YYSYMBOL_YYerror;
      goto yyerrlab1;
    }
  else
    {
      yytoken = YYTRANSLATE (yychar);
      YY_SYMBOL_PRINT ("Next token is", yytoken, &yylval, &yylloc);
    }

  /* If the proper action on seeing token YYTOKEN is to reduce or to
     detect an error, take that action.  */
  yyn += yytoken;
  if (yyn < 0 || YYLAST < yyn || yycheck[yyn] != yytoken)
    goto yydefault;
  yyn = yytable[yyn];
  if (yyn <= 0)
    {
      if (yytable_value_is_error (yyn))
        goto yyerrlab;
      yyn = -yyn;
      goto yyreduce;
    }

  /* Count tokens shifted since error; after three, turn off error
     status.  */
  if (yyerrstatus)
    yyerrstatus--;

  /* Shift the lookahead token.  */
  YY_SYMBOL_PRINT ("Shifting", yytoken, &yylval, &yylloc);
  yystate = yyn;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END

  /* Discard the shifted token.  */
  yychar = PARTIQL_YYEMPTY;
  goto yynewstate;


/*-----------------------------------------------------------.
| yydefault -- do the default action for the current state.  |
`-----------------------------------------------------------*/
yydefault:
  yyn = yydefact[yystate];
  if (yyn == 0)
    goto yyerrlab;
  goto yyreduce;


/*-----------------------------.
| yyreduce -- do a reduction.  |
`-----------------------------*/
yyreduce:
  /* yyn is the number of a rule to reduce with.  */
  yylen = yyr2[yyn];

  /* If YYLEN is nonzero, implement the default value of the action:
     '$$ = $1'.

     Otherwise, the following line sets YYVAL to garbage.
     This behavior is undocumented and Bison
     users should not rely upon it.  Assigning to YYVAL
     unconditionally makes the parser a bit smaller, and it avoids a
     GCC warning that YYVAL may be used uninitialized.  */
  yyval = yyvsp[1-yylen];


  YY_REDUCE_PRINT (yyn);
  switch (yyn)
    {
  case 2: /* start: statement  */
#line 68 "src/partiql/partiql_gram.y"
                                                                { ps->stmt = (yyvsp[0].stmt); }
#line 1297 "src/partiql/partiql_gram.c"
    break;

  case 7: /* statement: EXISTS '(' select ')'  */
#line 76 "src/partiql/partiql_gram.y"
                                                { (yyval.stmt) = (yyvsp[-1].stmt); (yyval.stmt)->kind = PQL_EXISTS; }
#line 1303 "src/partiql/partiql_gram.c"
    break;

  case 8: /* select: SELECT projection FROM target opt_where opt_order  */
#line 81 "src/partiql/partiql_gram.y"
                        {
				(yyval.stmt) = ps->stmt;
				(yyval.stmt)->kind = PQL_SELECT;
				(yyval.stmt)->projection = (yyvsp[-4].list);
				(yyval.stmt)->where = (yyvsp[-1].node);
			}
#line 1314 "src/partiql/partiql_gram.c"
    break;

  case 9: /* projection: '*'  */
#line 90 "src/partiql/partiql_gram.y"
                                                                { (yyval.list) = NIL; }
#line 1320 "src/partiql/partiql_gram.c"
    break;

  case 10: /* projection: path_list  */
#line 91 "src/partiql/partiql_gram.y"
                                                                { (yyval.list) = (yyvsp[0].list); }
#line 1326 "src/partiql/partiql_gram.c"
    break;

  case 11: /* target: name  */
#line 95 "src/partiql/partiql_gram.y"
                                                                { ps->stmt->table = pql_token_text(ps, (yyvsp[0].tok)); }
#line 1332 "src/partiql/partiql_gram.c"
    break;

  case 12: /* target: name '.' name  */
#line 97 "src/partiql/partiql_gram.y"
                        {
				ps->stmt->table = pql_token_text(ps, (yyvsp[-2].tok));
				ps->stmt->index = pql_token_text(ps, (yyvsp[0].tok));
			}
#line 1341 "src/partiql/partiql_gram.c"
    break;

  case 15: /* opt_where: %empty  */
#line 109 "src/partiql/partiql_gram.y"
                                                        { (yyval.node) = NULL; }
#line 1347 "src/partiql/partiql_gram.c"
    break;

  case 16: /* opt_where: WHERE condition  */
#line 110 "src/partiql/partiql_gram.y"
                                                        { (yyval.node) = (yyvsp[0].node); }
#line 1353 "src/partiql/partiql_gram.c"
    break;

  case 18: /* opt_order: ORDER BY path opt_desc  */
#line 115 "src/partiql/partiql_gram.y"
                                                { ps->stmt->order_by = (yyvsp[-1].node); ps->stmt->order_desc = (yyvsp[0].ival); }
#line 1359 "src/partiql/partiql_gram.c"
    break;

  case 19: /* opt_desc: %empty  */
#line 119 "src/partiql/partiql_gram.y"
                                                        { (yyval.ival) = false; }
#line 1365 "src/partiql/partiql_gram.c"
    break;

  case 20: /* opt_desc: ASC  */
#line 120 "src/partiql/partiql_gram.y"
                                                                { (yyval.ival) = false; }
#line 1371 "src/partiql/partiql_gram.c"
    break;

  case 21: /* opt_desc: DESC  */
#line 121 "src/partiql/partiql_gram.y"
                                                                { (yyval.ival) = true; }
#line 1377 "src/partiql/partiql_gram.c"
    break;

  case 22: /* insert: INSERT INTO target VALUE value  */
#line 126 "src/partiql/partiql_gram.y"
                        {
				(yyval.stmt) = ps->stmt;
				(yyval.stmt)->kind = PQL_INSERT;
				(yyval.stmt)->value = (yyvsp[0].node);
			}
#line 1387 "src/partiql/partiql_gram.c"
    break;

  case 23: /* update: UPDATE target update_clauses opt_where opt_returning  */
#line 135 "src/partiql/partiql_gram.y"
                        {
				(yyval.stmt) = ps->stmt;
				(yyval.stmt)->kind = PQL_UPDATE;
				(yyval.stmt)->assigns = (yyvsp[-2].list);
				(yyval.stmt)->where = (yyvsp[-1].node);
				(yyval.stmt)->returning = (yyvsp[0].ival);
			}
#line 1399 "src/partiql/partiql_gram.c"
    break;

  case 24: /* update_clauses: update_clause  */
#line 145 "src/partiql/partiql_gram.y"
                                                        { (yyval.list) = (yyvsp[0].list); }
#line 1405 "src/partiql/partiql_gram.c"
    break;

  case 25: /* update_clauses: update_clauses update_clause  */
#line 146 "src/partiql/partiql_gram.y"
                                        { (yyval.list) = list_concat((yyvsp[-1].list), (yyvsp[0].list)); }
#line 1411 "src/partiql/partiql_gram.c"
    break;

  case 26: /* update_clause: SET assigns  */
#line 150 "src/partiql/partiql_gram.y"
                                                        { (yyval.list) = (yyvsp[0].list); }
#line 1417 "src/partiql/partiql_gram.c"
    break;

  case 27: /* update_clause: REMOVE path_list  */
#line 152 "src/partiql/partiql_gram.y"
                        {
				ListCell   *lc;

				(yyval.list) = NIL;
				foreach(lc, (yyvsp[0].list))
					(yyval.list) = lappend((yyval.list), pql_assign(lfirst(lc), NULL));
			}
#line 1429 "src/partiql/partiql_gram.c"
    break;

  case 28: /* assigns: path '=' expr  */
#line 162 "src/partiql/partiql_gram.y"
                                                        { (yyval.list) = list_make1(pql_assign((yyvsp[-2].node), (yyvsp[0].node))); }
#line 1435 "src/partiql/partiql_gram.c"
    break;

  case 29: /* assigns: assigns ',' path '=' expr  */
#line 163 "src/partiql/partiql_gram.y"
                                                { (yyval.list) = lappend((yyvsp[-4].list), pql_assign((yyvsp[-2].node), (yyvsp[0].node))); }
#line 1441 "src/partiql/partiql_gram.c"
    break;

  case 30: /* delete: DELETE FROM target opt_where opt_returning  */
#line 168 "src/partiql/partiql_gram.y"
                        {
				(yyval.stmt) = ps->stmt;
				(yyval.stmt)->kind = PQL_DELETE;
				(yyval.stmt)->where = (yyvsp[-1].node);
				(yyval.stmt)->returning = (yyvsp[0].ival);
			}
#line 1452 "src/partiql/partiql_gram.c"
    break;

  case 31: /* opt_returning: %empty  */
#line 177 "src/partiql/partiql_gram.y"
                                                        { (yyval.ival) = PQR_NONE; }
#line 1458 "src/partiql/partiql_gram.c"
    break;

  case 32: /* opt_returning: RETURNING ALL OLD '*'  */
#line 178 "src/partiql/partiql_gram.y"
                                                { (yyval.ival) = PQR_ALL_OLD; }
#line 1464 "src/partiql/partiql_gram.c"
    break;

  case 33: /* opt_returning: RETURNING MODIFIED OLD '*'  */
#line 179 "src/partiql/partiql_gram.y"
                                        { (yyval.ival) = PQR_MODIFIED_OLD; }
#line 1470 "src/partiql/partiql_gram.c"
    break;

  case 34: /* opt_returning: RETURNING ALL NEW '*'  */
#line 180 "src/partiql/partiql_gram.y"
                                                { (yyval.ival) = PQR_ALL_NEW; }
#line 1476 "src/partiql/partiql_gram.c"
    break;

  case 35: /* opt_returning: RETURNING MODIFIED NEW '*'  */
#line 181 "src/partiql/partiql_gram.y"
                                        { (yyval.ival) = PQR_MODIFIED_NEW; }
#line 1482 "src/partiql/partiql_gram.c"
    break;

  case 36: /* condition: condition OR condition  */
#line 185 "src/partiql/partiql_gram.y"
                                                { (yyval.node) = pql_op(PQ_OR, 0, (yyvsp[-2].node), list_make1((yyvsp[0].node))); }
#line 1488 "src/partiql/partiql_gram.c"
    break;

  case 37: /* condition: condition AND condition  */
#line 186 "src/partiql/partiql_gram.y"
                                                { (yyval.node) = pql_op(PQ_AND, 0, (yyvsp[-2].node), list_make1((yyvsp[0].node))); }
#line 1494 "src/partiql/partiql_gram.c"
    break;

  case 38: /* condition: NOT condition  */
#line 187 "src/partiql/partiql_gram.y"
                                                        { (yyval.node) = pql_op(PQ_NOT, 0, (yyvsp[0].node), NIL); }
#line 1500 "src/partiql/partiql_gram.c"
    break;

  case 39: /* condition: '(' condition ')'  */
#line 188 "src/partiql/partiql_gram.y"
                                                        { (yyval.node) = (yyvsp[-1].node); }
#line 1506 "src/partiql/partiql_gram.c"
    break;

  case 40: /* condition: expr comparator expr  */
#line 189 "src/partiql/partiql_gram.y"
                                                { (yyval.node) = pql_op(PQ_CMP, (yyvsp[-1].ival), (yyvsp[-2].node), list_make1((yyvsp[0].node))); }
#line 1512 "src/partiql/partiql_gram.c"
    break;

  case 41: /* condition: expr BETWEEN expr AND expr  */
#line 190 "src/partiql/partiql_gram.y"
                                        { (yyval.node) = pql_op(PQ_BETWEEN, 0, (yyvsp[-4].node), list_make2((yyvsp[-2].node), (yyvsp[0].node))); }
#line 1518 "src/partiql/partiql_gram.c"
    break;

  case 42: /* condition: expr IN '[' expr_list ']'  */
#line 191 "src/partiql/partiql_gram.y"
                                                { (yyval.node) = pql_op(PQ_IN, 0, (yyvsp[-4].node), (yyvsp[-1].list)); }
#line 1524 "src/partiql/partiql_gram.c"
    break;

  case 43: /* condition: expr IN '(' expr_list ')'  */
#line 192 "src/partiql/partiql_gram.y"
                                                { (yyval.node) = pql_op(PQ_IN, 0, (yyvsp[-4].node), (yyvsp[-1].list)); }
#line 1530 "src/partiql/partiql_gram.c"
    break;

  case 44: /* condition: expr IS is_test  */
#line 193 "src/partiql/partiql_gram.y"
                                                        { (yyval.node) = pql_op(PQ_IS, (yyvsp[0].ival), (yyvsp[-2].node), NIL); }
#line 1536 "src/partiql/partiql_gram.c"
    break;

  case 45: /* condition: expr  */
#line 194 "src/partiql/partiql_gram.y"
                                                                { (yyval.node) = (yyvsp[0].node); }
#line 1542 "src/partiql/partiql_gram.c"
    break;

  case 46: /* is_test: MISSING  */
#line 198 "src/partiql/partiql_gram.y"
                                                                { (yyval.ival) = PQ_IS_MISSING; }
#line 1548 "src/partiql/partiql_gram.c"
    break;

  case 47: /* is_test: NOT MISSING  */
#line 199 "src/partiql/partiql_gram.y"
                                                        { (yyval.ival) = PQ_IS_MISSING | PQ_IS_NOT; }
#line 1554 "src/partiql/partiql_gram.c"
    break;

  case 48: /* is_test: NULL_P  */
#line 200 "src/partiql/partiql_gram.y"
                                                                { (yyval.ival) = 0; }
#line 1560 "src/partiql/partiql_gram.c"
    break;

  case 49: /* is_test: NOT NULL_P  */
#line 201 "src/partiql/partiql_gram.y"
                                                        { (yyval.ival) = PQ_IS_NOT; }
#line 1566 "src/partiql/partiql_gram.c"
    break;

  case 50: /* comparator: '='  */
#line 205 "src/partiql/partiql_gram.y"
                                                                { (yyval.ival) = PC_EQ; }
#line 1572 "src/partiql/partiql_gram.c"
    break;

  case 51: /* comparator: NE  */
#line 206 "src/partiql/partiql_gram.y"
                                                                { (yyval.ival) = PC_NE; }
#line 1578 "src/partiql/partiql_gram.c"
    break;

  case 52: /* comparator: '<'  */
#line 207 "src/partiql/partiql_gram.y"
                                                                { (yyval.ival) = PC_LT; }
#line 1584 "src/partiql/partiql_gram.c"
    break;

  case 53: /* comparator: LE  */
#line 208 "src/partiql/partiql_gram.y"
                                                                { (yyval.ival) = PC_LE; }
#line 1590 "src/partiql/partiql_gram.c"
    break;

  case 54: /* comparator: '>'  */
#line 209 "src/partiql/partiql_gram.y"
                                                                { (yyval.ival) = PC_GT; }
#line 1596 "src/partiql/partiql_gram.c"
    break;

  case 55: /* comparator: GE  */
#line 210 "src/partiql/partiql_gram.y"
                                                                { (yyval.ival) = PC_GE; }
#line 1602 "src/partiql/partiql_gram.c"
    break;

  case 56: /* expr: path  */
#line 214 "src/partiql/partiql_gram.y"
                                                                { (yyval.node) = (yyvsp[0].node); }
#line 1608 "src/partiql/partiql_gram.c"
    break;

  case 57: /* expr: value  */
#line 215 "src/partiql/partiql_gram.y"
                                                                { (yyval.node) = (yyvsp[0].node); }
#line 1614 "src/partiql/partiql_gram.c"
    break;

  case 58: /* expr: IDENT '(' expr_list ')'  */
#line 217 "src/partiql/partiql_gram.y"
                        {
				(yyval.node) = pql_node(ps, PQ_FUNC, (yyvsp[-3].tok));
				(yyval.node)->args = (yyvsp[-1].list);
			}
#line 1623 "src/partiql/partiql_gram.c"
    break;

  case 59: /* expr: expr '+' expr  */
#line 221 "src/partiql/partiql_gram.y"
                                                        { (yyval.node) = pql_op(PQ_ARITH, '+', (yyvsp[-2].node), list_make1((yyvsp[0].node))); }
#line 1629 "src/partiql/partiql_gram.c"
    break;

  case 60: /* expr: expr '-' expr  */
#line 222 "src/partiql/partiql_gram.y"
                                                        { (yyval.node) = pql_op(PQ_ARITH, '-', (yyvsp[-2].node), list_make1((yyvsp[0].node))); }
#line 1635 "src/partiql/partiql_gram.c"
    break;

  case 61: /* expr_list: expr  */
#line 226 "src/partiql/partiql_gram.y"
                                                                { (yyval.list) = list_make1((yyvsp[0].node)); }
#line 1641 "src/partiql/partiql_gram.c"
    break;

  case 62: /* expr_list: expr_list ',' expr  */
#line 227 "src/partiql/partiql_gram.y"
                                                { (yyval.list) = lappend((yyvsp[-2].list), (yyvsp[0].node)); }
#line 1647 "src/partiql/partiql_gram.c"
    break;

  case 63: /* path: name  */
#line 231 "src/partiql/partiql_gram.y"
                                                                { (yyval.node) = pql_path_step(ps, NULL, (yyvsp[0].tok), false); }
#line 1653 "src/partiql/partiql_gram.c"
    break;

  case 64: /* path: path '.' name  */
#line 232 "src/partiql/partiql_gram.y"
                                                        { (yyval.node) = pql_path_step(ps, (yyvsp[-2].node), (yyvsp[0].tok), false); }
#line 1659 "src/partiql/partiql_gram.c"
    break;

  case 65: /* path: path '[' NUMBER ']'  */
#line 233 "src/partiql/partiql_gram.y"
                                                { (yyval.node) = pql_path_step(ps, (yyvsp[-3].node), (yyvsp[-1].tok), true); }
#line 1665 "src/partiql/partiql_gram.c"
    break;

  case 66: /* path: path '[' STRING ']'  */
#line 234 "src/partiql/partiql_gram.y"
                                                { (yyval.node) = pql_path_step(ps, (yyvsp[-3].node), (yyvsp[-1].tok), false); }
#line 1671 "src/partiql/partiql_gram.c"
    break;

  case 67: /* path_list: path  */
#line 238 "src/partiql/partiql_gram.y"
                                                                { (yyval.list) = list_make1((yyvsp[0].node)); }
#line 1677 "src/partiql/partiql_gram.c"
    break;

  case 68: /* path_list: path_list ',' path  */
#line 239 "src/partiql/partiql_gram.y"
                                                { (yyval.list) = lappend((yyvsp[-2].list), (yyvsp[0].node)); }
#line 1683 "src/partiql/partiql_gram.c"
    break;

  case 69: /* value: STRING  */
#line 243 "src/partiql/partiql_gram.y"
                                                                { (yyval.node) = pql_node(ps, PQ_STRING, (yyvsp[0].tok)); }
#line 1689 "src/partiql/partiql_gram.c"
    break;

  case 70: /* value: NUMBER  */
#line 244 "src/partiql/partiql_gram.y"
                                                                { (yyval.node) = pql_node(ps, PQ_NUMBER, (yyvsp[0].tok)); }
#line 1695 "src/partiql/partiql_gram.c"
    break;

  case 71: /* value: '-' NUMBER  */
#line 246 "src/partiql/partiql_gram.y"
                        {
				(yyval.node) = pql_node(ps, PQ_NUMBER, (yyvsp[0].tok));
				(yyval.node)->text = psprintf("-%s", (yyval.node)->text);
			}
#line 1704 "src/partiql/partiql_gram.c"
    break;

  case 72: /* value: TRUE_P  */
#line 250 "src/partiql/partiql_gram.y"
                                                                { (yyval.node) = pql_node(ps, PQ_BOOL, (yyvsp[0].tok)); (yyval.node)->boolval = true; }
#line 1710 "src/partiql/partiql_gram.c"
    break;

  case 73: /* value: FALSE_P  */
#line 251 "src/partiql/partiql_gram.y"
                                                                { (yyval.node) = pql_node(ps, PQ_BOOL, (yyvsp[0].tok)); }
#line 1716 "src/partiql/partiql_gram.c"
    break;

  case 74: /* value: NULL_P  */
#line 252 "src/partiql/partiql_gram.y"
                                                                { (yyval.node) = pql_node(ps, PQ_NULL, (yyvsp[0].tok)); }
#line 1722 "src/partiql/partiql_gram.c"
    break;

  case 75: /* value: '?'  */
#line 253 "src/partiql/partiql_gram.y"
                                                                { (yyval.node) = pql_node(ps, PQ_PARAM, (yyvsp[0].tok)); }
#line 1728 "src/partiql/partiql_gram.c"
    break;

  case 76: /* value: '[' opt_values ']'  */
#line 254 "src/partiql/partiql_gram.y"
                                                { (yyval.node) = pql_node(ps, PQ_LIST, (yyvsp[-2].tok)); (yyval.node)->args = (yyvsp[-1].list); }
#line 1734 "src/partiql/partiql_gram.c"
    break;

  case 77: /* value: LSET opt_values RSET  */
#line 255 "src/partiql/partiql_gram.y"
                                                { (yyval.node) = pql_node(ps, PQ_SET, (yyvsp[-2].tok)); (yyval.node)->args = (yyvsp[-1].list); }
#line 1740 "src/partiql/partiql_gram.c"
    break;

  case 78: /* value: '{' pairs '}'  */
#line 256 "src/partiql/partiql_gram.y"
                                                        { (yyval.node) = pql_node(ps, PQ_MAP, (yyvsp[-2].tok)); (yyval.node)->args = (yyvsp[-1].list); }
#line 1746 "src/partiql/partiql_gram.c"
    break;

  case 79: /* value: '{' '}'  */
#line 257 "src/partiql/partiql_gram.y"
                                                                { (yyval.node) = pql_node(ps, PQ_MAP, (yyvsp[-1].tok)); }
#line 1752 "src/partiql/partiql_gram.c"
    break;

  case 80: /* opt_values: %empty  */
#line 261 "src/partiql/partiql_gram.y"
                                                        { (yyval.list) = NIL; }
#line 1758 "src/partiql/partiql_gram.c"
    break;

  case 81: /* opt_values: values  */
#line 262 "src/partiql/partiql_gram.y"
                                                                { (yyval.list) = (yyvsp[0].list); }
#line 1764 "src/partiql/partiql_gram.c"
    break;

  case 82: /* values: value  */
#line 266 "src/partiql/partiql_gram.y"
                                                                { (yyval.list) = list_make1((yyvsp[0].node)); }
#line 1770 "src/partiql/partiql_gram.c"
    break;

  case 83: /* values: values ',' value  */
#line 267 "src/partiql/partiql_gram.y"
                                                        { (yyval.list) = lappend((yyvsp[-2].list), (yyvsp[0].node)); }
#line 1776 "src/partiql/partiql_gram.c"
    break;

  case 84: /* pairs: STRING ':' value  */
#line 271 "src/partiql/partiql_gram.y"
                                                        { (yyval.list) = list_make2(pql_node(ps, PQ_STRING, (yyvsp[-2].tok)), (yyvsp[0].node)); }
#line 1782 "src/partiql/partiql_gram.c"
    break;

  case 85: /* pairs: pairs ',' STRING ':' value  */
#line 273 "src/partiql/partiql_gram.y"
                        { (yyval.list) = lappend(lappend((yyvsp[-4].list), pql_node(ps, PQ_STRING, (yyvsp[-2].tok))), (yyvsp[0].node)); }
#line 1788 "src/partiql/partiql_gram.c"
    break;


#line 1792 "src/partiql/partiql_gram.c"

      default: break;
    }
  /* User semantic actions sometimes alter yychar, and that requires
     that yytoken be updated with the new translation.  We take the
     approach of translating immediately before every use of yytoken.
     One alternative is translating here after every semantic action,
     but that translation would be missed if the semantic action invokes
     YYABORT, YYACCEPT, or YYERROR immediately after altering yychar or
     if it invokes YYBACKUP.  In the case of YYABORT or YYACCEPT, an
     incorrect destructor might then be invoked immediately.  In the
     case of YYERROR or YYBACKUP, subsequent parser actions might lead
     to an incorrect destructor call or verbose syntax error message
     before the lookahead is translated.  */
  YY_SYMBOL_PRINT ("-> $$ =", YY_CAST (yysymbol_kind_t, yyr1[yyn]), &yyval, &yyloc);

  YYPOPSTACK (yylen);
  yylen = 0;

  *++yyvsp = yyval;

  /* Now 'shift' the result of the reduction.  Determine what state
     that goes to, based on the state we popped back to and the rule
     number reduced by.  */
  {
    const int yylhs = yyr1[yyn] - YYNTOKENS;
    const int yyi = yypgoto[yylhs] + *yyssp;
    yystate = (0 <= yyi && yyi <= YYLAST && yycheck[yyi] == *yyssp
               ? yytable[yyi]
               : yydefgoto[yylhs]);
  }

  goto yynewstate;


/*--------------------------------------.
| yyerrlab -- here on detecting error.  |
`--------------------------------------*/
yyerrlab:
  /* Make sure we have latest lookahead translation.  See comments at
     user semantic actions for why this is necessary.  */
  yytoken = yychar == PARTIQL_YYEMPTY ? YYSYMBOL_YYEMPTY : YYTRANSLATE (yychar);
  /* If not already recovering from an error, report this error.  */
  if (!yyerrstatus)
    {
      ++yynerrs;
      yyerror (ps, YY_("syntax error"));
    }

  if (yyerrstatus == 3)
    {
      /* If just tried and failed to reuse lookahead token after an
         error, discard it.  */

      if (yychar <= PARTIQL_YYEOF)
        {
          /* Return failure if at end of input.  */
          if (yychar == PARTIQL_YYEOF)
            YYABORT;
        }
      else
        {
          yydestruct ("Error: discarding",
                      yytoken, &yylval, ps);
          yychar = PARTIQL_YYEMPTY;
        }
    }

  /* Else will try to reuse lookahead token after shifting the error
     token.  */
  goto yyerrlab1;


/*---------------------------------------------------.
| yyerrorlab -- error raised explicitly by YYERROR.  |
`---------------------------------------------------*/
yyerrorlab:
  /* Pacify compilers when the user code never invokes YYERROR and the
     label yyerrorlab therefore never appears in user code.  */
  if (0)
    YYERROR;
  ++yynerrs;

  /* Do not reclaim the symbols of the rule whose action triggered
     this YYERROR.  */
  YYPOPSTACK (yylen);
  yylen = 0;
  YY_STACK_PRINT (yyss, yyssp);
  yystate = *yyssp;
  goto yyerrlab1;


/*-------------------------------------------------------------.
| yyerrlab1 -- common code for both syntax error and YYERROR.  |
`-------------------------------------------------------------*/
yyerrlab1:
  yyerrstatus = 3;      /* Each real token shifted decrements this.  */

  /* Pop stack until we find a state that shifts the error token.  */
  for (;;)
    {
      yyn = yypact[yystate];
      if (!yypact_value_is_default (yyn))
        {
          yyn += YYSYMBOL_YYerror;
          if (0 <= yyn && yyn <= YYLAST && yycheck[yyn] == YYSYMBOL_YYerror)
            {
              yyn = yytable[yyn];
              if (0 < yyn)
                break;
            }
        }

      /* Pop the current state because it cannot handle the error token.  */
      if (yyssp == yyss)
        YYABORT;


      yydestruct ("Error: popping",
                  YY_ACCESSING_SYMBOL (yystate), yyvsp, ps);
      YYPOPSTACK (1);
      yystate = *yyssp;
      YY_STACK_PRINT (yyss, yyssp);
    }

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END


  /* Shift the error token.  */
  YY_SYMBOL_PRINT ("Shifting", YY_ACCESSING_SYMBOL (yyn), yyvsp, yylsp);

  yystate = yyn;
  goto yynewstate;


/*-------------------------------------.
| yyacceptlab -- YYACCEPT comes here.  |
`-------------------------------------*/
yyacceptlab:
  yyresult = 0;
  goto yyreturnlab;


/*-----------------------------------.
| yyabortlab -- YYABORT comes here.  |
`-----------------------------------*/
yyabortlab:
  yyresult = 1;
  goto yyreturnlab;


/*-----------------------------------------------------------.
| yyexhaustedlab -- YYNOMEM (memory exhaustion) comes here.  |
`-----------------------------------------------------------*/
yyexhaustedlab:
  yyerror (ps, YY_("memory exhausted"));
  yyresult = 2;
  goto yyreturnlab;


/*----------------------------------------------------------.
| yyreturnlab -- parsing is finished, clean up and return.  |
`----------------------------------------------------------*/
yyreturnlab:
  if (yychar != PARTIQL_YYEMPTY)
    {
      /* Make sure we have latest lookahead translation.  See comments at
         user semantic actions for why this is necessary.  */
      yytoken = YYTRANSLATE (yychar);
      yydestruct ("Cleanup: discarding lookahead",
                  yytoken, &yylval, ps);
    }
  /* Do not reclaim the symbols of the rule whose action triggered
     this YYABORT or YYACCEPT.  */
  YYPOPSTACK (yylen);
  YY_STACK_PRINT (yyss, yyssp);
  while (yyssp != yyss)
    {
      yydestruct ("Cleanup: popping",
                  YY_ACCESSING_SYMBOL (+*yyssp), yyvsp, ps);
      YYPOPSTACK (1);
    }
#ifndef yyoverflow
  if (yyss != yyssa)
    YYSTACK_FREE (yyss);
#endif

  return yyresult;
}

#line 276 "src/partiql/partiql_gram.y"


/* Hand the grammar the scanned tokens */
static int
partiql_yylex(PARTIQL_YYSTYPE *lval, struct PqlParseState *ps)
{
	if (ps->next >= ps->ntokens)
	{
		ps->next = ps->ntokens + 1;
		return 0;
	}
	lval->tok = ps->next;
	return ps->tokens[ps->next++].type;
}

/* Report a syntax error at the token last read */
static void
partiql_yyerror(struct PqlParseState *ps, const char *msg)
{
	pql_syntax_error(ps);
}
