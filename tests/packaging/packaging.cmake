# Runs one step of the packaging test (see CMakeLists.txt): cmake -DSTEP=install|cmake|pkgconfig
# -P packaging.cmake, with the paths of the build passed as -D. Any failure is FATAL_ERROR, which
# makes cmake -P exit non-zero and the ctest fail.
cmake_minimum_required(VERSION 3.21)

set(prefix ${WORK_DIR}/prefix)
set(libdir ${prefix}/${INSTALL_LIBDIR})
set(qmldir ${prefix}/${INSTALL_QMLDIR})

# Runs a command; fails the test with its output unless it exits 0. Its stdout is returned in
# the variable named by OUTPUT_VARIABLE, if given.
function(run)
    cmake_parse_arguments(PARSE_ARGV 0 arg "" "OUTPUT_VARIABLE;WORKING_DIRECTORY" "COMMAND")
    if(NOT arg_WORKING_DIRECTORY)
        set(arg_WORKING_DIRECTORY ${WORK_DIR})
    endif()
    string(JOIN " " shown ${arg_COMMAND})
    message(STATUS "\$ ${shown}")
    execute_process(COMMAND ${arg_COMMAND}
                    WORKING_DIRECTORY ${arg_WORKING_DIRECTORY}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(out)
        message(STATUS "${out}")
    endif()
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "FAILED (${rc}): ${shown}\n${out}\n${err}")
    elseif(err)
        message(STATUS "stderr: ${err}")
    endif()
    if(arg_OUTPUT_VARIABLE)
        set(${arg_OUTPUT_VARIABLE} "${out}" PARENT_SCOPE)
    endif()
endfunction()

function(expect_contains haystack needle what)
    string(FIND "${haystack}" "${needle}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "${what}: expected to find\n  ${needle}\nin\n  ${haystack}")
    endif()
endfunction()

function(expect_exists)
    foreach(path IN LISTS ARGN)
        if(NOT EXISTS "${path}")
            message(FATAL_ERROR "not installed: ${path}")
        endif()
    endforeach()
endfunction()

# Each ELF file's RUNPATH/RPATH must resolve its QGraphQL libraries inside the prefix.
function(expect_runpath file expected)
    find_program(readelf readelf)
    if(NOT readelf)
        return()
    endif()
    run(COMMAND ${readelf} -d ${file} OUTPUT_VARIABLE dyn)
    expect_contains("${dyn}" "[${expected}]" "RUNPATH of ${file}")
endfunction()

if(STEP STREQUAL "install")
    file(REMOVE_RECURSE ${prefix})
    run(COMMAND ${CMAKE_COMMAND} --install ${QGRAPHQL_BUILD_DIR} --prefix ${prefix})

    set(major_minor_patch ${QGRAPHQL_VERSION})
    string(REGEX MATCH "^[0-9]+" major ${QGRAPHQL_VERSION})
    expect_exists(
        ${libdir}/libQGraphQL.so
        ${libdir}/libQGraphQL.so.${major}
        ${libdir}/libQGraphQL.so.${QGRAPHQL_VERSION}
        ${libdir}/cmake/QGraphQL/QGraphQLConfig.cmake
        ${libdir}/cmake/QGraphQL/QGraphQLConfigVersion.cmake
        ${libdir}/cmake/QGraphQL/QGraphQLTargets.cmake
        ${libdir}/pkgconfig/qgraphql.pc
        ${prefix}/${INSTALL_INCLUDEDIR}/QGraphQL/qgraphqlglobal.h
        ${prefix}/${INSTALL_INCLUDEDIR}/QGraphQL/qgraphqlhttptransport.h
        ${prefix}/${INSTALL_INCLUDEDIR}/QGraphQL/qgraphqlversion.h
        ${prefix}/${INSTALL_BINDIR}/qgraphql
        ${prefix}/${INSTALL_BINDIR}/qgraphql-demo-server)

    # Only public headers, flat, and every one of them (qgraphql*.h without _p).
    file(GLOB_RECURSE installed_headers RELATIVE ${prefix}/${INSTALL_INCLUDEDIR}
         ${prefix}/${INSTALL_INCLUDEDIR}/*)
    foreach(header IN LISTS installed_headers)
        if(header MATCHES "_p\\.h$" OR NOT header MATCHES "^QGraphQL/qgraphql[a-z]*\\.h$")
            message(FATAL_ERROR "unexpected installed header: ${header}")
        endif()
    endforeach()
    file(GLOB source_headers RELATIVE ${QGRAPHQL_PROJECT_DIR}/src
         ${QGRAPHQL_PROJECT_DIR}/src/qgraphql*.h)
    foreach(header IN LISTS source_headers)
        if(NOT header MATCHES "_p\\.h$")
            expect_exists(${prefix}/${INSTALL_INCLUDEDIR}/QGraphQL/${header})
        endif()
    endforeach()

    # The generated version header carries project(VERSION).
    file(READ ${prefix}/${INSTALL_INCLUDEDIR}/QGraphQL/qgraphqlversion.h version_h)
    expect_contains("${version_h}" "#define QGRAPHQL_VERSION_STR \"${QGRAPHQL_VERSION}\""
                    "qgraphqlversion.h")

    if(WITH_QML)
        expect_exists(${qmldir}/QGraphQL/qmldir ${qmldir}/QGraphQL/QGraphQLQml.qmltypes
                      ${qmldir}/QGraphQL/libQGraphQLQmlplugin.so
                      ${libdir}/libQGraphQLQml.so.${major})
        file(RELATIVE_PATH up ${qmldir}/QGraphQL ${libdir})
        string(REGEX REPLACE "/$" "" up "${up}")
        expect_runpath(${qmldir}/QGraphQL/libQGraphQLQmlplugin.so "$ORIGIN/${up}")
        expect_runpath(${libdir}/libQGraphQLQml.so.${major} "$ORIGIN")
    endif()
    file(RELATIVE_PATH up ${prefix}/${INSTALL_BINDIR} ${libdir})
    string(REGEX REPLACE "/$" "" up "${up}")
    expect_runpath(${prefix}/${INSTALL_BINDIR}/qgraphql "$ORIGIN/${up}")

    # The installed CLI runs from the prefix and prints the version of project().
    run(COMMAND ${prefix}/${INSTALL_BINDIR}/qgraphql --version OUTPUT_VARIABLE out)
    if(NOT out MATCHES "^qgraphql ${QGRAPHQL_VERSION} \\(Qt [0-9.]+\\)\n$")
        message(FATAL_ERROR "qgraphql --version printed: ${out}")
    endif()

elseif(STEP STREQUAL "cmake")
    set(build ${WORK_DIR}/consumer-build)
    file(REMOVE_RECURSE ${build})
    set(configure ${CMAKE_COMMAND} -S ${QGRAPHQL_SOURCE_DIR}/consumer -B ${build}
        -G ${GENERATOR} -DCMAKE_BUILD_TYPE=Release
        -DCMAKE_PREFIX_PATH=${prefix}
        -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
        -DQGRAPHQL_EXPECTED_PREFIX=${prefix}
        -DQGRAPHQL_EXPECTED_VERSION=${QGRAPHQL_VERSION}
        -DQGRAPHQL_WITH_QML=${WITH_QML})
    if(MAKE_PROGRAM)
        list(APPEND configure -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
    endif()
    if(CXX_COMPILER)
        list(APPEND configure -DCMAKE_CXX_COMPILER=${CXX_COMPILER})
    endif()
    if(Qt6_DIR)
        list(APPEND configure -DQt6_DIR=${Qt6_DIR})
    endif()
    run(COMMAND ${configure})
    run(COMMAND ${CMAKE_COMMAND} --build ${build})

    run(COMMAND ${build}/qgraphql_consumer OUTPUT_VARIABLE out)
    expect_contains("${out}"
        [[{"query":"query($name: String) { hello(name: $name) }","variables":{"name":"Ada"}}]]
        "C++ consumer")
    expect_contains("${out}" "version ${QGRAPHQL_VERSION}" "C++ consumer")
    expect_contains("${out}" "NetworkError" "C++ consumer")

    if(WITH_QML)
        run(COMMAND ${CMAKE_COMMAND} -E env QML_IMPORT_PATH=${qmldir}
                    ${build}/qgraphql_qml_consumer ${prefix}
            OUTPUT_VARIABLE out)
        expect_contains("${out}" "HttpTransport ok" "QML consumer")
        expect_contains("${out}" "Query status Error" "QML consumer")
    endif()

elseif(STEP STREQUAL "pkgconfig")
    find_program(pkg_config NAMES pkg-config pkgconf REQUIRED)
    set(ENV{PKG_CONFIG_PATH} ${libdir}/pkgconfig)
    run(COMMAND ${pkg_config} --modversion qgraphql OUTPUT_VARIABLE version)
    string(STRIP "${version}" version)
    if(NOT version STREQUAL QGRAPHQL_VERSION)
        message(FATAL_ERROR "pkg-config --modversion qgraphql: ${version}")
    endif()
    run(COMMAND ${pkg_config} --cflags --libs qgraphql OUTPUT_VARIABLE flags)
    string(STRIP "${flags}" flags)
    expect_contains("${flags}" "-I${prefix}/${INSTALL_INCLUDEDIR}" "pkg-config --cflags")
    expect_contains("${flags}" "-L${libdir}" "pkg-config --libs")
    expect_contains("${flags}" "-lQGraphQL" "pkg-config --libs")
    expect_contains("${flags}" "-lQt6Network" "pkg-config --libs")

    # Compile, link and run with those flags alone. Qt is built with -reduce-relocations, so
    # code that uses it must be position independent (-fPIC), as with Qt's own .pc files.
    separate_arguments(flags UNIX_COMMAND "${flags}")
    if(NOT CXX_COMPILER)
        set(CXX_COMPILER c++)
    endif()
    set(exe ${WORK_DIR}/qgraphql_pkgconfig_consumer)
    file(REMOVE ${exe})
    run(COMMAND ${CXX_COMPILER} -std=c++17 -fPIC
                ${QGRAPHQL_SOURCE_DIR}/consumer/pkgconfig_consumer.cpp -o ${exe}
                ${flags} -Wl,-rpath,${libdir})
    run(COMMAND ${exe} OUTPUT_VARIABLE out)
    expect_contains("${out}" "qgraphql ${QGRAPHQL_VERSION}" "pkg-config consumer")
    expect_contains("${out}" [[{"query":"{ hello }"}]] "pkg-config consumer")

else()
    message(FATAL_ERROR "unknown STEP '${STEP}'")
endif()
